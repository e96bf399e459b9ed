import Yams
import CrescendoCore

/// Reads `schedule: {every, on, at}` and `cron: "..."`.
struct ScheduleParser {
    let reader: NodeReader
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `at` defaults to 00:00. A weekly schedule needs `on: <weekday>`, a monthly one `on: 1..31`;
    /// a daily one takes no `on`.
    func schedule(_ node: Node, _ code: String) -> Schedule? {
        guard let f = reader.fields(node, code, Shapes.schedule),
              let everyNode = f["every"] else { return nil }
        let every = reader.choice(everyNode, code, "every", of: Shapes.schedule)
        var at = LocalTime.midnight
        if let atNode = f["at"] {
            guard let text = reader.string(atNode, code, "at") else { return nil }
            guard let time = TimeParsing.timeOfDay(text) else {
                reader.sink.error(atNode, code, "'at' is not a time of day: \"\(text)\"", hint: "write HH:MM in 24-hour time, e.g. \"09:00\"")
                return nil
            }
            at = time
        }
        switch every {
        case "day":
            if let on = f.keyNode("on") {
                reader.sink.error(on, code, "a daily schedule takes no 'on'")
                return nil
            }
            return .daily(at: at)
        case "week":
            guard let on = f["on"] else {
                reader.sink.error(node, code, "a weekly schedule needs 'on', a weekday", hint: "e.g. on: monday")
                return nil
            }
            guard let day = reader.choice(on, code, "on", Self.weekdays), let index = Self.weekdays.firstIndex(of: day) else { return nil }
            return .weekly(on: index + 1, at: at)
        case "month":
            guard let on = f["on"] else {
                reader.sink.error(node, code, "a monthly schedule needs 'on', a day of the month 1..31", hint: "e.g. on: 1")
                return nil
            }
            guard let day = reader.int(on, code, "on", min: 1) else { return nil }
            guard day <= 31 else {
                reader.sink.error(on, code, "'on' must be a day of the month 1..31, not \(day)")
                return nil
            }
            return .monthly(on: Int(day), at: at)
        default:
            return nil
        }
    }

    func cron(_ node: Node, _ code: String) -> Schedule? {
        guard let text = reader.string(node, code, "cron") else { return nil }
        switch CronExpression.parse(text) {
        case .success(let expression): return .cron(expression)
        case .failure(let error):
            reader.sink.error(node, code, "malformed cron \"\(text)\": \(error.message)", hint: "e.g. cron: \"0 9 * * 1\" (09:00 every Monday)")
            return nil
        }
    }
}
