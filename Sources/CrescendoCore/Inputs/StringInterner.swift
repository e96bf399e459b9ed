/// Shares one `String` among repeated values of a low-cardinality column (kind, area, demand).
///
/// Looking a value up hashes its bytes and compares them; a `String` is made only the first
/// time a value is seen. Values can be declared in advance, and a lookup says whether the
/// value was declared.
public struct StringInterner {
    private struct Slot {
        var bytes: [UInt8]
        var string: String
        var declared: Bool
    }
    private var slots: [Slot] = []
    private var byHash: [UInt64: [Int]] = [:]

    public init() {}

    /// Declares the values a column may hold.
    public mutating func declare<S: Sequence>(_ values: S) where S.Element == String {
        for v in values {
            let bytes = Array(v.utf8)
            if let i = find(bytes[...], hash: Self.hash(bytes[...])) { slots[i].declared = true; continue }
            insert(bytes[...], declared: true)
        }
    }

    /// The shared string for these bytes, and whether the value was declared.
    @inline(__always)
    public mutating func intern(_ bytes: ArraySlice<UInt8>) -> (string: String, declared: Bool) {
        internAny(bytes)
    }

    /// The shared string for bytes owned by someone else (e.g. an SQLite column).
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (string: String, declared: Bool) {
        internAny(bytes)
    }

    @inline(__always)
    private mutating func internAny<C: Collection>(_ bytes: C) -> (string: String, declared: Bool) where C.Element == UInt8 {
        let h = Self.hash(bytes)
        if let i = find(bytes, hash: h) { return (slots[i].string, slots[i].declared) }
        let i = insert(bytes, declared: false)
        return (slots[i].string, false)
    }

    /// The declared values, in declaration order.
    public var declaredValues: [String] { slots.filter(\.declared).map(\.string) }

    @discardableResult
    private mutating func insert<C: Collection>(_ bytes: C, declared: Bool) -> Int where C.Element == UInt8 {
        let i = slots.count
        slots.append(Slot(bytes: Array(bytes), string: String(decoding: bytes, as: UTF8.self), declared: declared))
        byHash[Self.hash(bytes), default: []].append(i)
        return i
    }

    @inline(__always)
    private func find<C: Collection>(_ bytes: C, hash: UInt64) -> Int? where C.Element == UInt8 {
        guard let candidates = byHash[hash] else { return nil }
        for i in candidates where slots[i].bytes.elementsEqual(bytes) { return i }
        return nil
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
