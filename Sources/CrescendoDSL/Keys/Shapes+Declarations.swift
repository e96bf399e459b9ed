/// What a campaign declares: metrics, demands, windows, ladders, pacing, privacy, areas, channels.
extension Shapes {
    static let metric = Shape("a metric", keys: [
        Key("label", .text, .required, "the name people read, e.g. Masks distributed; `label.fr` is its French", localized: true),
        Key("unit", .text, .required, "the unit, e.g. masks or %"),
    ])

    static let indicator = metric.named("an indicator")

    static let demand = Shape("a demand", keys: [
        Key("text", .text, .required, "the demand, as the public reads it; `text.fr` is its French", localized: true),
        Key("target", .text, .required, "who must act"),
        Key("funding", .text, .required, "who pays"),
        Key("funding_line", .text, .optional, "the money-flow line the demand would redirect"),
    ])

    static let area = Shape("an area", keys: [Key("label", .text, .required, "the area's name as people read it; `label.fr` is its French", localized: true)])

    static let window = Shape("a window", keys: [
        Key("kind", .text, .required, "what kind of period: budget, session, ..."),
        Key("from", .date, .required, "its first day"),
        Key("to", .date, .required, "its last day (inclusive)"),
    ])

    static let ladder = Shape("a ladder", keys: [
        Key("pick", .choice(["rotate", "shuffle"]), .required, "rotate: the tactics in turn; shuffle: in a seeded random order"),
        Key("seed", .integer(min: 0), .optional, "the shuffle's seed (default 0)"),
        Key("tactics", .list(.shape(tactic), minItems: 1), .required, "the tactics, at least one"),
    ])

    static let tactic = Shape("a tactic", keys: [
        Key("id", .text, .required, "unique within its ladder"),
        Key("text", .text, .required, "what people are asked to do"),
    ])

    static let pacing = Shape("pacing", keys: [
        Key("cooldown", .duration, .optional, "the least time between two escalations"),
        Key("limit", .shape(limit), .optional, "at most `count` escalations in any `per`"),
        Key("when_blocked", .choice(["defer", "skip"]), .optional, "what happens to an escalation pacing holds back (default defer)"),
    ])

    static let limit = Shape("limit", keys: [
        Key("count", .integer(min: 1), .required),
        Key("per", .duration, .required),
    ])

    static let privacy = Shape("privacy", keys: [
        Key("min_count", .integer(min: 1), .optional, "public counts under this are suppressed (default 5)"),
        Key("redact", .list(.text), .optional, "regular expressions (ICU) removed from free text when an entry is recorded"),
    ])

    static let channel = Shape("a channel", keys: [
        Key("type", .choice(["file", "webhook", "command"]), .required, "how actions are delivered"),
        Key("path", .text, .optional, "the file actions are appended to, relative to the campaign file"),
        Key("url", .text, .optional, "where actions are POSTed"),
        Key("run", .list(.text, minItems: 1), .optional, "the program to run and its arguments"),
        Key("secret_env", .text, .optional,
            "the environment variable holding the webhook's signing secret (Standard Webhooks headers; whsec_ + base64, or plain text used as its bytes)"),
        Key("timeout", .either([.duration, .integer(min: 1)]), .optional, "a duration or whole seconds"),
        quietHoursKey,
    ], variants: [
        Variant(when: ("type", "file"), keys: ["path"], required: ["path"]),
        Variant(when: ("type", "webhook"), keys: ["url", "timeout", "secret_env"], required: ["url"]),
        Variant(when: ("type", "command"), keys: ["run", "timeout"], required: ["run"]),
    ])
}
