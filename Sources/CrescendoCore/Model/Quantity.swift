/// An exact quantity in thousandths (`1.5` hours is 1500), so that rolling sums never drift.
public struct Quantity: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milli: Int64
    @inlinable public init(milli: Int64) { self.milli = milli }
    public init(_ whole: Int64) { self.milli = whole * 1000 }
    @inlinable public static var one: Quantity { Quantity(milli: 1000) }
    @inlinable public static var zero: Quantity { Quantity(milli: 0) }

    /// Parses `12`, `1.5`, `0.125`, `-3` (at most three decimals).
    public init?(parsing text: String) {
        self.init(bytes: Array(text.trimmingSpaces.utf8)[...])
    }

    public init?(bytes b: ArraySlice<UInt8>) { self.init(in: b) }

    /// The same over any bytes indexed by `Int` (e.g. a slice of an `UnsafeBufferPointer`);
    /// inlinable, so that the CSV readers' hot loop gets a specialised copy.
    @inlinable
    public init?<C: RandomAccessCollection>(in b: C) where C.Element == UInt8, C.Index == Int {
        var i = b.startIndex
        guard i < b.endIndex else { return nil }
        var neg = false
        if b[i] == 45 { neg = true; i += 1 } else if b[i] == 43 { i += 1 }
        var whole: Int64 = 0
        var digitsSeen = 0
        while i < b.endIndex, b[i] >= 48, b[i] <= 57 {
            whole = whole &* 10 &+ Int64(b[i] - 48); digitsSeen += 1; i += 1
            if digitsSeen > 15 { return nil }
        }
        var frac: Int64 = 0
        var scale: Int64 = 100
        if i < b.endIndex, b[i] == 46 {
            i += 1
            var fd = 0
            while i < b.endIndex, b[i] >= 48, b[i] <= 57 {
                if fd < 3 { frac += Int64(b[i] - 48) * scale; scale /= 10 } else if b[i] != 48 { return nil }
                fd += 1; i += 1
            }
            digitsSeen += fd
        }
        guard i == b.endIndex, digitsSeen > 0 else { return nil }
        let v = whole * 1000 + frac
        self.milli = neg ? -v : v
    }

    public init(double: Double) { self.milli = Int64((double * 1000).rounded()) }
    public var double: Double { Double(milli) / 1000 }

    public var description: String {
        if milli % 1000 == 0 { return "\(milli / 1000)" }
        var s = String(Double(milli) / 1000)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
    @inlinable public static func < (a: Quantity, b: Quantity) -> Bool { a.milli < b.milli }
    @inlinable public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(milli: a.milli + b.milli) }
    @inlinable public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(milli: a.milli - b.milli) }
}
