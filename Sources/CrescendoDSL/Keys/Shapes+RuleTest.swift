/// Rule-test files: the campaign under test and its tests, each with facts and expectations.
extension Shapes {
    static let ruleTestFile = Shape("a rule-test file", keys: [
        Key("campaign", .text, .required, "the campaign file, relative to this file"),
        Key("tests", .list(.shape(test), minItems: 1), .required),
    ])

    static let test = Shape("a test", definition: "test", keys: [
        Key("name", .text, .required, "unique within the file"),
        Key("from", .instant, .optional, "where the simulation starts"),
        Key("until", .instant, .optional, "where it ends (after `from`)"),
        ledger, indicatorSamples, responses,
        Key("expect", .list(.shape(pattern)), .optional, "actions that must happen"),
        Key("expect_none", .list(.shape(pattern)), .optional, "actions that must not happen"),
        Key("exact", .boolean, .optional, "true: no other action may happen"),
    ])

    static let ledger = Key("ledger", .list(.shape(ledgerEntry)), .optional, "ledger entries and generators")
    static let indicatorSamples = Key("indicators", .list(.shape(indicatorSample)), .optional, "indicator samples and series")
    static let responses = Key("responses", .list(.shape(response)), .optional, "responses to deadlines, by number")

    /// What an entry says besides when; shared by a ledger entry and `generate`.
    static let entryKeys = [
        Key("kind", .text, .required, "a metric"),
        Key("quantity", .number, .optional, "default 1; at most three decimals"),
        Key("area", .text), Key("demand", .text), Key("care", .text), Key("cause", .text), Key("change", .text),
    ]

    static let ledgerEntry = Shape("a ledger entry", keys: [Key("at", .instant, .required)] + entryKeys + [
        Key("generate", .shape(generate), .optional, "`count` entries, the first at `from`, then one every `every`"),
    ], variants: [
        Variant(keys: ["at"] + entryKeys.map(\.name), required: ["at", "kind"]),
        Variant(keys: ["generate"], required: ["generate"]),
    ])

    static let generate = Shape("generate", keys: [
        Key("count", .integer(min: 1), .required, "at most 1,000,000"),
        Key("every", .duration, .required),
        Key("from", .instant, .required),
    ] + entryKeys)

    static let indicatorSample = Shape("an indicator sample", keys: [
        Key("name", .text, .required, "an indicator"),
        Key("at", .instant), Key("value", .number),
        Key("from", .instant, .optional, "a series: the first value's time"),
        Key("every", .duration, .optional, "a series: the time between values"),
        Key("values", .list(.number), .optional, "a series: the values"),
    ], variants: [
        Variant(keys: ["at", "value"], required: ["at", "value"]),
        Variant(keys: ["from", "every", "values"], required: ["from", "every", "values"]),
    ])

    static let response = Shape("a response", keys: [
        Key("deadline", .integer(min: 1), .required, "the number of the deadline answered"),
        Key("at", .instant, .required),
        Key("text", .text, .required),
        Key("win", .choice(["partial", "full"]), .optional, "the response is a win"),
    ])

    /// An action `simulate --format json` prints: `at` is an instant; every other key is one of
    /// its output fields, compared as text.
    static let pattern = Shape("an expected action", definition: "pattern",
                               description: "an action as `simulate --format json` prints it; each key but `at` is compared as text",
                               keys: [Key("at", .instant)] + [
        "rule", "action", "tactic", "demand", "deadline", "due", "kind", "channel", "text", "area", "per", "group",
        "deferred_from", "coalesced", "suppressed", "reason", "follows", "late",
    ].map { Key($0, .scalar) } + [
        Key("deliver_at", .instant, .optional, "when quiet hours deliver it, compared as an instant like `at`"),
        Key("dropped", .scalar, .optional, "quiet_hours when quiet hours drop it"),
        Key("because", .scalar),
    ])
}
