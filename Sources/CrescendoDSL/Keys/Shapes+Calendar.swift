import CrescendoCore

/// The campaign's business-day calendar (`deadline: 10bd`) and quiet hours (version 2, section 7).
extension Shapes {
    static let calendar = Shape("calendar", keys: [
        Key("weekend", .list(.choice(ScheduleParser.weekdays)), .optional, "the weekdays that are not business days (default saturday and sunday)"),
        Key("holidays", .list(.date), .optional, "dates that are not business days"),
    ])

    /// `quiet_hours:` at the top level and on a channel (where `none` turns the campaign's off).
    static let quietHoursKey = Key("quiet_hours", .either([.choice(["none"]), .shape(quietHours)]), .optional,
                                   "a daily period in the campaign's zone when actions are held (or dropped); `none`: no quiet hours")

    static let quietHours = Shape("quiet_hours", definition: "quiet_hours", keys: [
        Key("from", .timeOfDay, .required, "when the quiet period begins, local HH:MM"),
        Key("to", .timeOfDay, .required, "when it ends (not included), local HH:MM; before `from`: over midnight; \"24:00\" is midnight"),
        Key("then", .choice(QuietHours.Then.allCases.map(\.rawValue)), .optional,
            "defer (default): deliver when the period ends; drop: record the action as dropped"),
        Key("except", .list(.choice(ActionPatternParser.actions)), .optional, "action types that quiet hours do not hold"),
    ])
}
