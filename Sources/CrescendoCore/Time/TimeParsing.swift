/// Parsing of the time forms the campaign language and CSV inputs accept.
public enum TimeParsing {
    /// A duration: an integer and a unit (`30s`, `30m`, `48h`, `7d`, `2w`), optionally negative,
    /// or ISO 8601 (`P7D`, `PT48H`, `P1W`, `P1DT12H`, `-P7D`).
    public static func duration(_ text: String) -> TimeSpan? {
        var s = Substring(text.trimmingSpaces)
        var sign: Int64 = 1
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        guard !s.isEmpty else { return nil }
        if s.first == "P" || s.first == "p" { return iso8601Duration(s.dropFirst()).map { TimeSpan(seconds: $0.seconds * sign) } }
        guard let unit = s.last, let n = Int64(s.dropLast()), n >= 0 else { return nil }
        let mult: Int64
        switch unit {
        case "s": mult = 1
        case "m": mult = 60
        case "h": mult = 3600
        case "d": mult = 86_400
        case "w": mult = 604_800
        default: return nil
        }
        return TimeSpan(seconds: sign * n * mult)
    }

    private static func iso8601Duration(_ s: Substring) -> TimeSpan? {
        var total: Int64 = 0
        var number = ""
        var inTime = false
        var sawAny = false
        for ch in s {
            if ch.isNumber { number.append(ch); continue }
            let upper = Character(ch.uppercased())
            if upper == "T" { guard number.isEmpty, !inTime else { return nil }; inTime = true; continue }
            guard let n = Int64(number) else { return nil }
            number = ""
            sawAny = true
            switch (upper, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil  // years and months have no fixed length
            }
        }
        guard number.isEmpty, sawAny else { return nil }
        return TimeSpan(seconds: total)
    }

    /// A date `YYYY-MM-DD`.
    public static func date(_ text: String) -> CivilDate? {
        let b = Array(text.trimmingSpaces.utf8)
        guard b.count == 10, b[4] == 45, b[7] == 45,
              let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid ? date : nil
    }

    /// A local time `HH:MM` or `HH:MM:SS`.
    public static func timeOfDay(_ text: String) -> LocalTime? {
        let b = Array(text.trimmingSpaces.utf8)
        guard b.count == 5 || b.count == 8, b[2] == 58, let h = digits(b, 0, 2), let m = digits(b, 3, 2),
              h < 24, m < 60 else { return nil }
        var s = 0
        if b.count == 8 { guard b[5] == 58, let ss = digits(b, 6, 2), ss < 60 else { return nil }; s = ss }
        return LocalTime(hour: h, minute: m, second: s)
    }

    /// A date or date-time. A date is local midnight; a date-time without an offset is local
    /// time in `zone`; `Z` or `±HH:MM` fix the instant.
    public static func instant(_ text: String, zone: Zone) -> Instant? {
        let t = text.trimmingSpaces
        let b = Array(t.utf8)
        return instant(bytes: b[...], zone: zone)
    }

    /// Fast path over raw bytes for CSV input.
    public static func instant(bytes b: ArraySlice<UInt8>, zone: Zone) -> Instant? {
        instant(in: b, zone: zone)
    }

    /// The same over any bytes indexed by `Int` (e.g. a slice of an `UnsafeBufferPointer`);
    /// inlinable, so that the CSV readers' hot loop gets a specialised copy.
    @inlinable
    public static func instant<C: RandomAccessCollection>(in b: C, zone: Zone) -> Instant? where C.Element == UInt8, C.Index == Int {
        let s = b.startIndex
        let n = b.count
        guard n >= 10, b[s + 4] == 45, b[s + 7] == 45,
              let y = digits(b, s, 4), let mo = digits(b, s + 5, 2), let d = digits(b, s + 8, 2) else { return nil }
        let date = CivilDate(year: y, month: mo, day: d)
        guard date.isValid else { return nil }
        if n == 10 { return zone.instant(date) }
        guard b[s + 10] == 84 || b[s + 10] == 116 || b[s + 10] == 32, n >= 16, b[s + 13] == 58,
              let h = digits(b, s + 11, 2), let mi = digits(b, s + 14, 2), h < 24, mi < 60 else { return nil }
        var i = s + 16
        var sec = 0
        if i < b.endIndex, b[i] == 58 {
            guard i + 3 <= b.endIndex, let ss = digits(b, i + 1, 2), ss < 61 else { return nil }
            sec = min(ss, 59); i += 3
            if i < b.endIndex, b[i] == 46 || b[i] == 44 {  // fractional seconds are dropped
                i += 1
                while i < b.endIndex, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        let wall = date.daysSinceEpoch * 86_400 + Int64(h * 3600 + mi * 60 + sec)
        if i == b.endIndex { return zone.instant(date, LocalTime(hour: h, minute: mi, second: sec)) }
        if (b[i] == 90 || b[i] == 122) && i + 1 == b.endIndex { return Instant(seconds: wall) }
        guard b[i] == 43 || b[i] == 45 else { return nil }
        let sign: Int64 = b[i] == 45 ? -1 : 1
        let rest = b.endIndex - i - 1
        let oh: Int?, om: Int?
        if rest == 5, b[i + 3] == 58 { oh = digits(b, i + 1, 2); om = digits(b, i + 4, 2) }
        else if rest == 4 { oh = digits(b, i + 1, 2); om = digits(b, i + 3, 2) }
        else if rest == 2 { oh = digits(b, i + 1, 2); om = 0 }
        else { return nil }
        guard let oh, let om, oh < 24, om < 60 else { return nil }
        return Instant(seconds: wall - sign * Int64(oh * 3600 + om * 60))
    }

    @inlinable @inline(__always)
    static func digits<C: RandomAccessCollection>(_ b: C, _ at: C.Index, _ count: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        var v = 0
        for k in 0..<count {
            let c = b[at + k]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
