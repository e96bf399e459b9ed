/// The top levels of campaign files and rule libraries.
extension Shapes {
    static let campaign = Shape("a campaign file", definition: "campaign", description: "a campaign file", keys: [
        Key("campaign", .campaignID, .requiredWithOwnMessage, "the campaign's id: lowercase letters, digits and '-'"),
        Key("title", .text, .optional, "the campaign's name as people read it; defaults to the id"),
        Key("timezone", .text, .optional, "an IANA time zone (America/Toronto); defaults to UTC"),
        Key("start", .instant, .requiredWithOwnMessage, "when the campaign starts; a date is local midnight"),
        Key("end", .instant, .optional, "when it ends; a date is the end of that local day"),
        include,
        Key("metrics", .map(.shape(metric), minEntries: 1), .requiredWithOwnMessage, "what the ledger counts, by id"),
        Key("demands", .map(.shape(demand), minEntries: 1), .requiredWithOwnMessage, "the changes that would make the care unnecessary, by id"),
        Key("indicators", .map(.shape(indicator)), .optional, "outside measures (test positivity, wait times), by id"),
        Key("windows", .map(.shape(window)), .optional, "periods that matter (a budget, a session), by id"),
        Key("ladders", .map(.shape(ladder)), .optional, "escalation ladders of tactics, by id"),
        Key("pacing", .shape(pacing), .optional, "how often escalations may come"),
        Key("decompression", .list(.shape(action)), .optional, "actions that follow every escalation of a rule without `then`"),
        Key("privacy", .shape(privacy), .optional, "what public output suppresses and what entries redact"),
        Key("areas", .map(.shape(area)), .optional, "the areas entries may name, by id; none declared: any area"),
        templates,
        Key("channels", .map(.shape(channel)), .optional, "where the daemon delivers actions, by id"),
        rules,
        Key("calendar", .shape(calendar), .optional, "which days are business days, for `deadline: 10bd`"),
        quietHoursKey,
    ] + kitKeys)

    /// A file named in `include:`.
    static let library = Shape("a rule library", definition: "library", description: "a rule library, named in a campaign's `include:`",
                               keys: [rules, templates, include], atLeastOne: ["rules", "templates"])

    static let include = Key("include", .either([.text, .list(.text)]), .optional,
                             "a rule library or a list of them, relative to this file")
    static let templates = Key("templates", .map(.text), .optional, "Mustache templates; a `.xx` suffix is a language variant")
    static let rules = Key("rules", .list(.shape(rule)), .optional, "the rules, run in file order")
}
