import CrescendoCore
/// Byte fields as the CSV readers parse them: slices of a record, in an array or in place.
extension Collection where Element == UInt8, SubSequence == Self {
    /// The slice without leading and trailing spaces and tabs.
    @inline(__always)
    @usableFromInline var trimmingBlanks: Self {
        var s = startIndex, e = endIndex
        while s < e, self[s] == 32 || self[s] == 9 { s = index(after: s) }
        while e > s {
            let before = index(e, offsetBy: -1)
            guard self[before] == 32 || self[before] == 9 else { break }
            e = before
        }
        return self[s..<e]
    }

    /// The bytes as text for an error message.
    var quotedForMessage: String { "\"\(String(decoding: self, as: UTF8.self))\"" }
}
