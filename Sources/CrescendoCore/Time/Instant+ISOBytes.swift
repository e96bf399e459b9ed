extension Instant {
    /// Appends the instant as ISO 8601 in UTC with a `Z` (`2026-01-01T00:04:15Z`), without
    /// building a `String`; the same text as `iso8601` for years 0 to 9999.
    @inlinable
    public func appendISO8601(to out: inout [UInt8]) {
        var days = seconds / 86_400
        var secs = seconds % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        let date = CivilDate(daysSinceEpoch: days)
        let y = Int64(date.year), m = Int64(date.month), d = Int64(date.day)
        @inline(__always) func two(_ v: Int64, _ out: inout [UInt8]) {
            out.append(UInt8(48 + v / 10)); out.append(UInt8(48 + v % 10))
        }
        two(y / 100 % 100, &out); two(y % 100, &out); out.append(45)
        two(m, &out); out.append(45); two(d, &out); out.append(84)
        two(secs / 3600, &out); out.append(58); two(secs / 60 % 60, &out); out.append(58); two(secs % 60, &out)
        out.append(90)
    }
}
