/// Actions (`do`, `then`, `decompression`): exactly one action key per item.
extension Shapes {
    static let action = Shape("an action", definition: "action", keys: [
        Key("escalate", .shapeOrNothing(escalate), .optional, "the next tactic of a ladder"),
        Key("briefing", .shape(briefing), .optional, "brief a target on a demand, with a deadline to answer"),
        Key("ritual", .shape(ritual), .optional, "a ritual of care and rest"),
        Key("publish", .shape(publish), .optional, "publish a template"),
        Key("notify", .shape(notify), .optional, "send a message to a channel"),
        Key("rapid_response", .shape(rapidResponse), .optional, "call out a rapid-response team"),
        Key("in", .duration, .optional, "a delay before the action (not negative)"),
        Key("channel", .text, .optional, "the channel the action is delivered to"),
    ], forms: ["escalate", "briefing", "ritual", "publish", "notify", "rapid_response"].map { Form($0) })

    static let escalate = Shape("escalate", keys: [
        Key("ladder", .text, .optional, "the ladder; may be left out when exactly one is declared"),
    ])

    static let briefing = Shape("briefing", keys: [
        Key("demand", .text, .required),
        Key("deadline", .either([.duration, .businessDays]), .required,
            "how long the target has to answer: a duration (14d) or business days (10bd, see `calendar`)"),
        Key("to", .text, .optional, "who is briefed"),
    ])

    static let ritual = Shape("ritual", keys: [
        Key("kind", .text, .required, "e.g. gratitude, assembly, celebration"),
        Key("text", .text, .required),
    ])

    static let publish = Shape("publish", keys: [Key("template", .text, .required)])

    static let notify = Shape("notify", keys: [
        Key("channel", .text, .optional, "the channel, if not the action's or the daemon's default"),
        Key("text", .text, .optional, "the message (or `template`)"),
        Key("template", .text, .optional, "a template rendered as the message (or `text`)"),
    ], forms: [Form("text"), Form("template")])

    static let rapidResponse = Shape("rapid_response", keys: [
        Key("team", .text, .required),
        Key("text", .text, .required),
    ])
}
