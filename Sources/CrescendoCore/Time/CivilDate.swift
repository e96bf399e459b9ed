/// A calendar date with no zone (proleptic Gregorian), e.g. `2027-01-04`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    @inlinable
    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Whether the fields name a real day.
    @inlinable public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
    }

    @inlinable public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    @inlinable public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    @inlinable public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), month: Int(m), day: Int(d))
    }

    public func adding(days n: Int64) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        let d = daysSinceEpoch  // 1970-01-01 was a Thursday (4)
        return Int(((d % 7) + 7 + 3) % 7) + 1
    }

    /// The ISO 8601 week-numbering year and week, e.g. (2027, 1).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: Int64(4 - isoWeekday))
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)
        let week = Int((thursday.daysSinceEpoch - jan1.daysSinceEpoch) / 7) + 1
        return (thursday.year, week)
    }

    /// `2027-W05`.
    public var isoWeekLabel: String {
        let w = isoWeek
        return "\(pad4(w.year))-W\(pad2(w.week))"
    }

    public var iso8601: String { "\(pad4(year))-\(pad2(month))-\(pad2(day))" }
    public var description: String { iso8601 }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
