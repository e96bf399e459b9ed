/// A format of text values that the schema states as a pattern; the parser checks such text
/// in its own words (`NodeReader.duration`, `IDSyntax`, ...). A new format is one constant here.
struct TextFormat: Sendable {
    let pattern: String
    /// What the format is, for editors; the key's own description comes first.
    let description: String?
    /// A text of this format (tests build documents with it).
    let example: String

    static let campaignID = TextFormat(pattern: "^[a-z0-9][a-z0-9-]*$", description: nil, example: "paid-sick-leave")
    static let ruleID = TextFormat(pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", description: nil, example: "briefing-every-20")
    static let timeOfDay = TextFormat(pattern: "^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$", description: nil, example: "\"09:00\"")
    static let date = TextFormat(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: nil, example: "2027-01-04")
    static let instant = TextFormat(
        pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$",
        description: "a date or date-time; without an offset it is local time in the campaign's zone", example: "2027-01-04T09:00")
    /// Business days, `10bd` (a briefing's `deadline`).
    static let businessDays = TextFormat(pattern: "^[0-9]+bd$", description: "business days, e.g. 10bd", example: "10bd")
    static let duration = TextFormat(pattern: "^[+-]?([0-9]+[smhdw]|[Pp]([0-9]+[WwDd])*([Tt]([0-9]+[HhMmSs])+)?)$",
                                     description: "30m, 48h, 7d, 2w, or ISO 8601 (PT48H, P7D)", example: "1d")
}
