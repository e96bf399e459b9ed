/// What the value of a key may be: how the parser reads it and how the schema states it.
indirect enum ValueType: Sendable {
    /// Any text, written plain or quoted.
    case text
    /// Text of a format (`.duration`, `.instant`, `.ruleID`, ... below).
    case formatted(TextFormat)
    /// A whole number written without quotes, at least `min` (and at most `max`).
    case integer(min: Int, max: Int? = nil)
    /// A number written without quotes.
    case number
    /// `true` or `false`.
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// Any single value, compared as text (the fields of a rule-test pattern).
    case scalar
    case list(ValueType, minItems: Int = 0)
    /// A mapping from ids to values (`metrics:`, `templates:`).
    case map(ValueType, minEntries: Int = 0)
    /// A mapping of the keys of a shape.
    case shape(Shape)
    /// A mapping of the keys of a shape, or nothing (`escalate:`).
    case shapeOrNothing(Shape)
    /// Any one of these.
    case either([ValueType])

    /// A campaign id: lowercase letters, digits and '-' (`IDSyntax.isCampaignID`).
    static let campaignID = formatted(.campaignID)
    /// A rule id: letters, digits, '-', '_' and '.' (`IDSyntax.isRuleID`).
    static let ruleID = formatted(.ruleID)
    /// `HH:MM` or `HH:MM:SS`, 24-hour.
    static let timeOfDay = formatted(.timeOfDay)
    /// `YYYY-MM-DD`.
    static let date = formatted(.date)
    /// A date (local midnight) or a date-time, local unless it has `Z` or an offset.
    static let instant = formatted(.instant)
    /// `30m`, `48h`, `7d`, `2w` or ISO 8601 (`PT48H`, `P7D`).
    static let duration = formatted(.duration)
    /// `10bd`.
    static let businessDays = formatted(.businessDays)

    /// The shapes a value holds directly (not those inside the shapes themselves).
    var shapes: [Shape] {
        switch self {
        case .shape(let s), .shapeOrNothing(let s): return [s]
        case .list(let v, _), .map(let v, _): return v.shapes
        case .either(let vs): return vs.flatMap(\.shapes)
        default: return []
        }
    }
}
