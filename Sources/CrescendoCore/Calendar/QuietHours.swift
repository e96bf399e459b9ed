/// A daily quiet period (`quiet_hours: { from: "22:00", to: "07:00", then: defer, except: [...] }`)
/// in the campaign's zone: actions that fall inside it are delivered when it ends (`defer`) or
/// recorded as dropped (`drop`). Action types in `except` ignore it.
///
/// The period is read in local wall-clock time, as schedules are: it runs from `from` up to (not
/// including) `to`, over midnight when `to` comes before `from`. Its end is the local time `to`
/// resolved as every local time is (a time in a spring-forward gap is the first valid instant
/// after it; one that occurs twice, its first occurrence after the action).
public struct QuietHours: Hashable, Sendable {
    public enum Then: String, Hashable, Sendable, CaseIterable {
        /// Delivered at the end of the quiet period (`deliver_at`).
        case `defer`
        /// Recorded as dropped (`"dropped": "quiet_hours"`), never delivered.
        case drop
    }

    public var from: LocalTime
    public var to: LocalTime
    public var then: Then
    /// Action types (`rapid_response`, `silence`, ...) that quiet hours do not hold.
    public var except: [String]

    public init(from: LocalTime, to: LocalTime, then: Then = .defer, except: [String] = []) {
        self.from = from; self.to = to; self.then = then; self.except = except
    }

    /// Whether a local time of day falls inside the period.
    public func contains(_ time: LocalTime) -> Bool {
        let (s, f, e) = (time.secondsOfDay, from.secondsOfDay, to.secondsOfDay)
        return f < e ? (s >= f && s < e) : (s >= f || s < e)
    }

    /// Whether the period holds an action of type `action`.
    public func applies(to action: String) -> Bool { !except.contains(action) }

    /// When the period holding instant `t` ends, or nil when `t` is not inside it.
    public func end(holding t: Instant, in zone: Zone) -> Instant? {
        let (date, time) = zone.local(t)
        guard contains(time) else { return nil }
        // Over midnight, a time after `from` ends on the next day.
        let day = time.secondsOfDay >= to.secondsOfDay ? date.adding(days: 1) : date
        let end = zone.instant(day, to)
        // In a repeated hour (a fall-back), `to` resolves to its first occurrence, which may be
        // before `t`: the period then ends when the wall clock reaches `to` again.
        return end > t ? end : t + TimeSpan(seconds: to.secondsOfDay - time.secondsOfDay)
    }

    /// `22:00-07:00`.
    public var label: String { "\(from)-\(to)" }
}
