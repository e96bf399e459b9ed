import CrescendoCore

/// Rules, their triggers (`when`) and their conditions (`if`).
extension Shapes {
    static let rule = Shape("a rule", definition: "rule", keys: [
        Key("id", .ruleID, .requiredWithOwnMessage, "unique across the campaign and its libraries"),
        Key("when", .shape(trigger), .requiredWithOwnMessage, "the trigger"),
        Key("if", .list(.shape(condition)), .optional, "conditions that must all hold"),
        Key("do", .list(.shape(action), minItems: 1), .requiredWithOwnMessage, "the actions"),
        Key("then", .list(.shape(action)), .optional, "follow-up actions (instead of the campaign's decompression)"),
        Key("on_missed", .choice(["fire_once", "fire_all", "skip"]), .optional, "firings that fell due while the daemon was down (default fire_once)"),
        Key("enabled", .boolean, .optional, "false keeps the rule in the file without running it"),
    ])

    static let trigger = Shape("when", definition: "trigger", description: "the rule's trigger", keys: [
        Key("every", .integer(min: 1), .optional, "fires at every Nth entry (or silence, or unit of a metric)"),
        Key("of", .text, .optional, "what `every` counts: entries (default), silences or a metric"),
        Key("where", .shape(entryFilter), .optional, "counts only the entries that match"),
        Key("per", .choice(Dimension.allCases.map(\.rawValue)), .optional, "counts each area, demand or kind on its own"),
        Key("sum", .text, .optional, "a metric: fires when its rolling sum crosses the limit"),
        Key("over", .duration, .optional, "the length of the rolling window"),
        above, below,
        Key("for", .duration, .optional, "how long the value must stay past the limit"),
        Key("count", .choice(["entries"]), .optional, "fires when the rolling count of entries crosses the limit"),
        Key("indicator", .text, .optional, "an indicator: fires when it crosses the limit"),
        Key("window", .text, .optional, "a window: fires at its opening or closing"),
        Key("on", .choice(["open", "close"]), .optional, "which edge of the window"),
        Key("offset", .duration, .optional, "before (negative) or after the edge (default 0)"),
        Key("deadline", .choice(["missed", "answered"]), .optional, "fires when a briefing's deadline is missed or answered"),
        Key("demand", .text, .optional, "only for this demand"),
        Key("schedule", .shape(schedule), .optional, "fires on a calendar"),
        Key("cron", .text, .optional, "five cron fields in local time, e.g. \"0 9 * * 1\""),
        Key("win", .choice(["any", "partial", "full"]), .optional, "fires when a response is recorded as a win"),
    ], forms: [
        Form("every", takes: ["of", "where", "per"]),
        Form("sum", takes: ["over", "above", "below", "for", "per", "where"]),
        Form("count", takes: ["over", "above", "below", "for", "per", "where"]),
        Form("indicator", takes: ["above", "below", "for"]),
        Form("window", takes: ["on", "offset"]),
        Form("deadline", takes: ["demand"]),
        Form("schedule", takes: []), Form("cron", takes: []),
        Form("win", takes: ["demand"]),
    ], exclusive: ["above", "below"])

    static let above = Key("above", .number, .optional, "the limit, crossed upwards")
    static let below = Key("below", .number, .optional, "the limit, crossed downwards")

    static let entryFilter = Shape("where", keys: [
        Key("area", .text, .optional, "only entries of this area"),
        Key("demand", .text, .optional, "only entries tied to this demand"),
        Key("kind", .text, .optional, "only entries of this metric"),
    ])

    static let schedule = Shape("schedule", keys: [
        Key("every", .choice(["day", "week", "month"]), .required),
        Key("on", .either([.choice(ScheduleParser.weekdays), .integer(min: 1, max: 31)]), .optional,
            "a weekday (every week) or a day of the month 1..31 (every month)"),
        Key("at", .timeOfDay, .optional, "local time, HH:MM in 24-hour time (default 00:00)"),
    ])

    static let condition = Shape("a condition", definition: "condition", keys: [
        Key("in_window", .text, .optional, "holds while this window is open"),
        Key("not_in_window", .text, .optional, "holds while this window is not open"),
        Key("indicator", .text, .optional, "holds while this indicator's latest value is past the limit"),
        above, below,
        Key("count", .choice(["entries"]), .optional, "holds once `at_least` entries are recorded"),
        Key("at_least", .integer(min: 0), .optional),
    ], forms: [
        Form("in_window", takes: []), Form("not_in_window", takes: []),
        Form("indicator", takes: ["above", "below"]), Form("count", takes: ["at_least"]),
    ], exclusive: ["above", "below"])
}
