/// The campaign's working calendar (`calendar: { weekend, holidays }`): which local dates are
/// business days, for deadlines written in business days (`deadline: 10bd`).
///
/// A business day is a local date that is neither a weekend day nor a holiday. Without a
/// `calendar:` the weekend is Saturday and Sunday and there are no holidays.
public struct BusinessCalendar: Hashable, Sendable {
    /// ISO weekdays (1 = Monday ... 7 = Sunday) that are not business days.
    public var weekend: Set<Int>
    /// Dates that are not business days, whatever their weekday.
    public var holidays: Set<CivilDate>

    public init(weekend: Set<Int> = [6, 7], holidays: Set<CivilDate> = []) {
        self.weekend = weekend; self.holidays = holidays
    }

    /// Whether a local date is a business day.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        !weekend.contains(date.isoWeekday) && !holidays.contains(date)
    }

    /// The `n`th business day after `date` (`date` itself never counts), or nil when no
    /// weekday is a business day (`check` refuses such a calendar) or `n` is not positive.
    public func businessDay(_ n: Int, after date: CivilDate) -> CivilDate? {
        guard n > 0, weekend.count < 7, (1...7).contains(where: { !weekend.contains($0) }) else { return nil }
        var day = date
        var counted = 0
        while counted < n {
            day = day.adding(days: 1)
            if isBusinessDay(day) { counted += 1 }
        }
        return day
    }
}
