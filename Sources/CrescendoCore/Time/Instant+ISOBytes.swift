extension Instant {
    /// Appends the instant as ISO 8601 in UTC with a `Z` (`2026-01-01T00:04:15Z`), without
    /// building a `String`; the same text as `iso8601` for years 0 to 9999.
    @inlinable
    public func appendISO8601(to out: inout [UInt8]) {
        var days = seconds / 86_400
        var secs = seconds % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        @inline(__always) func two(_ v: Int64, _ out: inout [UInt8]) {
            out.append(UInt8(48 + v / 10)); out.append(UInt8(48 + v % 10))
        }
        two(y / 100 % 100, &out); two(y % 100, &out); out.append(45)
        two(m, &out); out.append(45); two(d, &out); out.append(84)
        two(secs / 3600, &out); out.append(58); two(secs / 60 % 60, &out); out.append(58); two(secs % 60, &out)
        out.append(90)
    }
}
