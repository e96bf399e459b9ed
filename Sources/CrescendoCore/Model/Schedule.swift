/// A recurring local time: `{every: day|week|month, on: ..., at: "HH:MM"}` or a five-field cron.
public enum Schedule: Hashable, Sendable {
    case daily(at: LocalTime)
    /// `on`: ISO weekday, 1 = Monday ... 7 = Sunday.
    case weekly(on: Int, at: LocalTime)
    /// `on`: day of month 1...31; in a shorter month it fires on the month's last day.
    case monthly(on: Int, at: LocalTime)
    case cron(CronExpression)

    /// The first firing strictly after `t`, read in `zone`.
    ///
    /// A local time that does not exist fires at the first valid instant after it, and a local
    /// time that occurs twice fires once, at its first occurrence.
    public func next(after t: Instant, in zone: Zone) -> Instant? {
        var day = zone.local(t).date.adding(days: -1)
        // Five years of days bounds the search even for a cron that matches only on 29 February.
        for _ in 0..<(366 * 5) {
            for time in times(on: day) {
                let i = zone.instant(day, time)
                if i > t { return i }
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// The local times this schedule fires on a given date, ascending.
    public func times(on day: CivilDate) -> [LocalTime] {
        switch self {
        case .daily(let at): return [at]
        case .weekly(let on, let at): return day.isoWeekday == on ? [at] : []
        case .monthly(let on, let at):
            let last = CivilDate.daysIn(month: day.month, year: day.year)
            return day.day == min(on, last) ? [at] : []
        case .cron(let c): return c.times(on: day)
        }
    }
}

/// A five-field cron expression (`minute hour day-of-month month day-of-week`), read in local
/// time. Fields take `*`, numbers, ranges `a-b`, steps `*/n` or `a-b/n`, lists `a,b`, and
/// names (`mon`, `jan`). As in Vixie cron, when both day fields are restricted a day matching
/// either one fires.
public struct CronExpression: Hashable, Sendable, CustomStringConvertible {
    public let source: String
    let minutes: [Bool]   // 60
    let hours: [Bool]     // 24
    let monthDays: [Bool] // 32, index 1...31
    let months: [Bool]    // 13, index 1...12
    let weekdays: [Bool]  // 7, index 0 = Sunday
    let monthDayRestricted: Bool
    let weekdayRestricted: Bool

    public var description: String { source }

    /// Parses an expression, or explains what is wrong with it.
    public static func parse(_ text: String) -> Result<CronExpression, CronError> {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            return .failure(CronError(message: "a cron expression has five fields (minute hour day-of-month month day-of-week), found \(fields.count)"))
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        do {
            let mi = try field(fields[0], "minute", 0, 59, [:])
            let h = try field(fields[1], "hour", 0, 23, [:])
            let dom = try field(fields[2], "day-of-month", 1, 31, [:])
            let mo = try field(fields[3], "month", 1, 12, Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0 + 1) }))
            var dow = try field(fields[4], "day-of-week", 0, 7, Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) }))
            if dow[7] { dow[0] = true }
            return .success(CronExpression(
                source: text, minutes: mi, hours: h, monthDays: dom, months: mo, weekdays: Array(dow[0..<7]),
                monthDayRestricted: fields[2] != "*", weekdayRestricted: fields[4] != "*"))
        } catch let e as CronError {
            return .failure(e)
        } catch {
            return .failure(CronError(message: "\(error)"))
        }
    }

    private static func field(_ f: String, _ name: String, _ lo: Int, _ hi: Int, _ names: [String: Int]) throws -> [Bool] {
        var set = [Bool](repeating: false, count: hi + 1)
        func value(_ s: Substring) throws -> Int {
            if let v = Int(s) {
                guard v >= lo, v <= hi else { throw CronError(message: "\(name) \(v) is out of range \(lo)-\(hi)") }
                return v
            }
            if let v = names[s.lowercased()] { return v }
            throw CronError(message: "\(name) field has '\(s)', which is not a number")
        }
        for part in f.split(separator: ",", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw CronError(message: "\(name) field has an empty list item") }
            var range = part
            var step = 1
            if let slash = part.firstIndex(of: "/") {
                range = part[..<slash]
                guard let s = Int(part[part.index(after: slash)...]), s > 0 else {
                    throw CronError(message: "\(name) field has a bad step in '\(part)'")
                }
                step = s
            }
            var a = lo, b = hi
            if range != "*" {
                if let dash = range.firstIndex(of: "-") {
                    a = try value(range[..<dash]); b = try value(range[range.index(after: dash)...])
                    guard a <= b else { throw CronError(message: "\(name) range '\(range)' runs backwards") }
                } else {
                    a = try value(range)
                    b = part.contains("/") ? hi : a
                }
            }
            var v = a
            while v <= b { set[v] = true; v += step }
        }
        return set
    }

    /// Whether the expression fires on a local date (at any time).
    public func matches(_ day: CivilDate) -> Bool {
        guard months[day.month] else { return false }
        let domOK = monthDays[day.day]
        let dowOK = weekdays[day.isoWeekday % 7]
        if monthDayRestricted && weekdayRestricted { return domOK || dowOK }
        return domOK && dowOK
    }

    /// Local times the expression fires on a date, ascending.
    public func times(on day: CivilDate) -> [LocalTime] {
        guard matches(day) else { return [] }
        var out: [LocalTime] = []
        for h in 0..<24 where hours[h] {
            for m in 0..<60 where minutes[m] { out.append(LocalTime(hour: h, minute: m)) }
        }
        return out
    }
}

public struct CronError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
