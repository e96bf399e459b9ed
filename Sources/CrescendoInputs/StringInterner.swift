import CrescendoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shares one `String` among repeated values of a low-cardinality column (kind, area, demand).
///
/// Looking a value up hashes its bytes (FNV-1a) into an open-addressing table and compares
/// them; a `String` is made only the first time a value is seen. Values can be declared in
/// advance, and a lookup gives the value's place among the declared ones.
public struct StringInterner {
    private struct Slot {
        /// Where the value's bytes lie in `pool`.
        var start: Int
        var count: Int
        var string: String
        /// The value's place among the declared values, or -1.
        var declaredIndex: Int32
    }
    private var slots: [Slot] = []
    /// The bytes of every value, back to back (one buffer: a lookup retains nothing).
    private var pool: [UInt8] = []
    /// Slot index + 1 at each position; 0 is empty. The size is a power of two, at most half full.
    private var table = [Int32](repeating: 0, count: 64)
    private var declaredCount: Int32 = 0

    public init() {}

    /// Declares the values a column may hold.
    public mutating func declare<S: Sequence>(_ values: S) where S.Element == String {
        for v in values {
            Array(v.utf8).withUnsafeBufferPointer { b in
                let i = lookup(b)
                if slots[i].declaredIndex < 0 { slots[i].declaredIndex = declaredCount; declaredCount += 1 }
            }
        }
    }

    /// The shared string for these bytes, and its place among the declared values (-1 if it was
    /// not declared).
    @inline(__always)
    public mutating func intern(_ bytes: ArraySlice<UInt8>) -> (string: String, index: Int32) {
        bytes.withUnsafeBufferPointer { intern($0) }
    }

    /// The same, for bytes owned by someone else (a record read in place, an SQLite column).
    @inline(__always)
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (string: String, index: Int32) {
        let i = lookup(bytes)
        return (slots[i].string, slots[i].declaredIndex)
    }

    /// The declared values, in declaration order.
    public var declaredValues: [String] { slots.filter { $0.declaredIndex >= 0 }.sorted { $0.declaredIndex < $1.declaredIndex }.map(\.string) }

    /// The slot of these bytes, inserted (undeclared) when new.
    private mutating func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = table.count - 1
        var position = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        let found: Int? = table.withUnsafeBufferPointer { t in
            slots.withUnsafeBufferPointer { sl in
                pool.withUnsafeBufferPointer { pl in
                    while true {
                        let entry = Int(t[position])
                        if entry == 0 { return nil }
                        let start = sl[entry - 1].start, count = sl[entry - 1].count
                        if count == bytes.count && (count == 0 || memcmp(pl.baseAddress! + start, bytes.baseAddress!, count) == 0) {
                            return entry - 1
                        }
                        position = (position + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        slots.append(Slot(start: pool.count, count: bytes.count, string: String(decoding: bytes, as: UTF8.self), declaredIndex: -1))
        pool.append(contentsOf: bytes)
        table[position] = Int32(slots.count)
        if slots.count * 2 > table.count { rebuild(size: table.count * 2) }
        return slots.count - 1
    }

    private mutating func rebuild(size: Int) {
        table = [Int32](repeating: 0, count: size)
        for (i, slot) in slots.enumerated() {
            var position = pool.withUnsafeBufferPointer {
                Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: $0[slot.start..<slot.start + slot.count])))
            } & (size - 1)
            while table[position] != 0 { position = (position + 1) & (size - 1) }
            table[position] = Int32(i + 1)
        }
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
