/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// Crescendo works in whole seconds so that every comparison is exact and every machine
/// computes the same answer. The engine never reads the clock; instants are passed in.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    @inlinable public init(seconds: Int64) { self.seconds = seconds }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.seconds < b.seconds }
    @inlinable public static func + (a: Instant, d: TimeSpan) -> Instant { Instant(seconds: a.seconds + d.seconds) }
    @inlinable public static func - (a: Instant, d: TimeSpan) -> Instant { Instant(seconds: a.seconds - d.seconds) }
    @inlinable public static func - (a: Instant, b: Instant) -> TimeSpan { TimeSpan(seconds: a.seconds - b.seconds) }

    public static let distantPast = Instant(seconds: Int64.min / 4)
    public static let distantFuture = Instant(seconds: Int64.max / 4)

    /// ISO 8601 in UTC with a `Z`, e.g. `2027-02-14T15:00:00Z`.
    public var iso8601: String {
        let days = Int64(floorDiv(seconds, 86_400))
        let secs = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        return "\(date.iso8601)T\(pad2(Int(secs / 3600))):\(pad2(Int(secs / 60 % 60))):\(pad2(Int(secs % 60)))Z"
    }

    public var description: String { iso8601 }
}

/// A signed length of time in whole seconds (`7d`, `48h`, `-7d`, `PT48H`).
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64
    @inlinable public init(seconds: Int64) { self.seconds = seconds }
    public static func minutes(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 60) }
    public static func hours(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 3600) }
    public static func days(_ n: Int64) -> TimeSpan { TimeSpan(seconds: n * 86_400) }
    public static let zero = TimeSpan(seconds: 0)
    @inlinable public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.seconds < b.seconds }

    /// The shortest exact short form in days, hours, minutes or seconds: `7d`, `2d` (for
    /// `48h`), `90m`, `45s`.
    public var description: String {
        let s = seconds
        if s == 0 { return "0s" }
        let sign = s < 0 ? "-" : ""
        let a = s < 0 ? -s : s
        if a % 86_400 == 0 { return "\(sign)\(a / 86_400)d" }
        if a % 3600 == 0 { return "\(sign)\(a / 3600)h" }
        if a % 60 == 0 { return "\(sign)\(a / 60)m" }
        return "\(sign)\(a)s"
    }
}

@inlinable func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func pad4(_ n: Int) -> String {
    if n >= 1000 { return "\(n)" }
    if n >= 100 { return "0\(n)" }
    if n >= 10 { return "00\(n)" }
    return "000\(n)"
}
