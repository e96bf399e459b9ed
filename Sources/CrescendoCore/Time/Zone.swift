import Foundation

/// A wall-clock time of day, `HH:MM`.
public struct LocalTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public init(hour: Int, minute: Int, second: Int = 0) {
        self.hour = hour; self.minute = minute; self.second = second
    }
    public static let midnight = LocalTime(hour: 0, minute: 0)
    public var secondsOfDay: Int64 { Int64(hour * 3600 + minute * 60 + second) }
    public var description: String { "\(pad2(hour)):\(pad2(minute))" + (second == 0 ? "" : ":\(pad2(second))") }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.secondsOfDay < b.secondsOfDay }
}

/// An IANA time zone, and the rules for turning local wall-clock times into instants.
///
/// Across a daylight-saving change, a local time that does not exist resolves to the first
/// valid instant after it (02:30 on a spring-forward day is 03:00), and a local time that
/// occurs twice resolves to its first occurrence.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
    public let identifier: String
    public let timeZone: TimeZone

    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
    }

    public static let utc = Zone(identifier: "UTC")!

    public var description: String { identifier }
    public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
    public func hash(into h: inout Hasher) { h.combine(identifier) }

    /// Offset from UTC in seconds at an instant.
    public func offset(at t: Instant) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds))))
    }

    /// The local date and time of an instant.
    public func local(_ t: Instant) -> (date: CivilDate, time: LocalTime) {
        let l = t.seconds + offset(at: t)
        let days = floorDiv(l, 86_400)
        let s = l - days * 86_400
        return (CivilDate(daysSinceEpoch: days), LocalTime(hour: Int(s / 3600), minute: Int(s / 60 % 60), second: Int(s % 60)))
    }

    /// The instant of a local date and time, following the daylight-saving rules above.
    public func instant(_ date: CivilDate, _ time: LocalTime = .midnight) -> Instant {
        let wall = date.daysSinceEpoch * 86_400 + time.secondsOfDay
        // Offsets in force a day either side bound every candidate.
        let o1 = offset(at: Instant(seconds: wall - 86_400))
        let o2 = offset(at: Instant(seconds: wall + 86_400))
        var best: Int64?
        for o in [o1, o2] {
            let c = wall - o
            if offset(at: Instant(seconds: c)) == o { best = min(best ?? c, c) }
        }
        if let best { return Instant(seconds: best) }
        // The wall time falls in a gap: the first valid instant after it is the transition.
        let lo = wall - max(o1, o2)
        if let next = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(lo - 86_400))) {
            return Instant(seconds: Int64(next.timeIntervalSince1970.rounded()))
        }
        return Instant(seconds: wall - o1)
    }

    /// Local ISO 8601 with offset, e.g. `2027-03-14T03:00:00-04:00`.
    public func iso8601(_ t: Instant) -> String {
        let (d, tm) = local(t)
        let o = offset(at: t)
        let sign = o < 0 ? "-" : "+"
        let a = abs(o)
        return "\(d.iso8601)T\(pad2(tm.hour)):\(pad2(tm.minute)):\(pad2(tm.second))\(sign)\(pad2(Int(a / 3600))):\(pad2(Int(a / 60 % 60)))"
    }

    /// Short local form for tables, e.g. `2027-03-14 03:00`.
    public func short(_ t: Instant) -> String {
        let (d, tm) = local(t)
        return "\(d.iso8601) \(pad2(tm.hour)):\(pad2(tm.minute))"
    }
}
