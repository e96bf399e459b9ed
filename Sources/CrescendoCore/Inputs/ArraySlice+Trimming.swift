extension ArraySlice where Element == UInt8 {
    /// The slice without leading and trailing spaces and tabs.
    @inline(__always)
    @usableFromInline var trimmingBlanks: ArraySlice<UInt8> {
        var s = startIndex, e = endIndex
        while s < e, self[s] == 32 || self[s] == 9 { s += 1 }
        while e > s, self[e - 1] == 32 || self[e - 1] == 9 { e -= 1 }
        return self[s..<e]
    }

    /// The bytes as text for an error message.
    var quotedForMessage: String { "\"\(String(decoding: self, as: UTF8.self))\"" }
}
