/// Scenario files (`crescendo simulate CAMPAIGN --scenario FILE`, version 2, section 7).
extension Shapes {
    /// A scenario file: one future of the campaign, simulated as `simulate` would simulate the
    /// same facts given as CSV files.
    static let scenarioFile = Shape("a scenario file", description: "one future of a campaign, for `crescendo simulate CAMPAIGN --scenario FILE`", keys: [
        Key("name", .text, .required, "unique among the scenarios of one run"),
        Key("from", .instant, .optional, "where the simulation starts (default: the campaign's start)"),
        Key("until", .instant, .optional, "where it ends, inclusive (after `from`)"),
        Key("base_ledger", .text, .optional, "real facts first: a ledger CSV or a ledger database, relative to this file"),
        Key("base_indicators", .text, .optional, "indicator samples CSV (at,name,value) read with the base ledger, relative to this file"),
        Key("base_responses", .text, .optional, "responses CSV (at,deadline,text[,win]) read with the base ledger, relative to this file"),
        ledger, indicatorSamples, responses,
    ])
}
