import Yams
import CrescendoCore

extension CampaignSections {
    /// `calendar: {weekend?: [weekday], holidays?: [date]}`: a weekend day must be a weekday's
    /// name (with "did you mean"), a holiday a real date, and some weekday must be a business day.
    func calendar(_ node: Node?) -> BusinessCalendar {
        var calendar = BusinessCalendar()
        guard let node, let f = reader.fields(node, "calendar", Shapes.calendar) else { return calendar }
        if let weekendNode = f["weekend"], let items = reader.list(weekendNode, "calendar", "weekend") {
            var days = Set<Int>()
            var ok = true
            for item in items {
                guard let name = reader.choice(item, "calendar", "weekend", ScheduleParser.weekdays),
                      let index = ScheduleParser.weekdays.firstIndex(of: name) else { ok = false; continue }
                if !days.insert(index + 1).inserted { sink.warning(item, "calendar", "'\(name)' is listed twice in 'weekend'") }
            }
            if ok, days.count == 7 {
                sink.error(weekendNode, "calendar", "the weekend takes every day of the week, so no day is a business day",
                           hint: "a business-day deadline (10bd) could never come due; list at most six days")
            }
            calendar.weekend = days
        }
        if let holidaysNode = f["holidays"], let items = reader.list(holidaysNode, "calendar", "holidays") {
            for item in items {
                guard let date = reader.date(item, "calendar", "holidays") else { continue }
                guard date.isValid else {
                    sink.error(item, "calendar", "malformed date for 'holidays': \(date) does not exist", hint: "write a date as YYYY-MM-DD, e.g. 2027-02-15")
                    continue
                }
                if !calendar.holidays.insert(date).inserted { sink.warning(item, "calendar", "holiday \(date) is listed twice") }
            }
        }
        return calendar
    }

    /// `quiet_hours: none` or `{from, to, then?: defer|drop, except?: [action types]}`, at the
    /// top level or on a channel. `to` may be "24:00" (midnight); a period from a time to the
    /// same time is refused, as empty or as covering the whole day.
    func quietHours(_ node: Node, _ code: String) -> ChannelQuietHours? {
        if case .scalar = node {
            guard NodeText.plain(node) == "none" else {
                sink.error(node, code, "'quiet_hours' must be none or a mapping with 'from' and 'to', not \(NodeText.describe(node))",
                           hint: "e.g. quiet_hours: { from: \"22:00\", to: \"07:00\" }")
                return nil
            }
            return ChannelQuietHours.none
        }
        guard let f = reader.fields(node, code, Shapes.quietHours) else { return nil }
        let from = f["from"].flatMap { time($0, code, "from") }
        let to = f["to"].flatMap { time($0, code, "to") }
        let then = f["then"].flatMap { reader.choice($0, code, "then", of: Shapes.quietHours) }
        var except: [String]?
        if let exceptNode = f["except"] {
            except = reader.list(exceptNode, code, "except") { reader.choice($0, code, "except", ActionPatternParser.actions) }
        }
        guard let from, let to, f["then"] == nil || then != nil, f["except"] == nil || except != nil else { return nil }
        if from.time == to.time, let toNode = f["to"] {
            if from.text == to.text {
                sink.error(toNode, code, "the quiet period from \(from.text) to \(to.text) is empty", hint: "give 'from' and 'to' two different times of day")
            } else {
                sink.error(toNode, code, "the quiet period from \(from.text) to \(to.text) covers the whole day", hint: "nothing would ever be delivered; shorten it")
            }
            return nil
        }
        return .own(QuietHours(from: from.time, to: to.time, then: then.flatMap(QuietHours.Then.init) ?? .defer, except: except ?? []))
    }

    /// A local time of day, HH:MM[:SS]; "24:00" is midnight.
    private func time(_ node: Node, _ code: String, _ key: String) -> (time: LocalTime, text: String)? {
        guard let text = reader.string(node, code, key) else { return nil }
        if text == "24:00" { return (.midnight, text) }
        guard let time = TimeParsing.timeOfDay(text) else {
            sink.error(node, code, "'\(key)' is not a time of day: \"\(text)\"", hint: "write HH:MM in 24-hour time, e.g. \"22:00\"")
            return nil
        }
        return (time, text)
    }
}
