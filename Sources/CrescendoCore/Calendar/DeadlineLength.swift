/// How long a briefing's target has to answer: an exact length of time (`deadline: 14d`) or a
/// number of business days (`deadline: 10bd`, see `BusinessCalendar`).
public enum DeadlineLength: Hashable, Sendable, CustomStringConvertible {
    /// Due exactly this long after the briefing.
    case span(TimeSpan)
    /// Due at the briefing's local time of day on the Nth business day after its local date.
    case businessDays(Int)

    public static func days(_ n: Int64) -> DeadlineLength { .span(.days(n)) }
    public static func hours(_ n: Int64) -> DeadlineLength { .span(.hours(n)) }

    /// When a deadline opened at `opened` comes due. A business-day deadline is due at the
    /// briefing's local time of day on its due date, read in `zone` as every local time is: a
    /// time that does not exist that day (a spring-forward gap) is due at the first valid instant
    /// after it, one that occurs twice at its first occurrence.
    public func due(after opened: Instant, in zone: Zone, calendar: BusinessCalendar) -> Instant {
        switch self {
        case .span(let span):
            return opened + span
        case .businessDays(let n):
            let (date, time) = zone.local(opened)
            guard let day = calendar.businessDay(n, after: date) else { return .distantFuture }
            return zone.instant(day, time)
        }
    }

    /// `14d`, `48h`, `10bd`: as written in a campaign file (the shortest exact form for spans).
    public var description: String {
        switch self {
        case .span(let span): return span.description
        case .businessDays(let n): return "\(n)bd"
        }
    }
}
