/// One future of a campaign, from a scenario file (`crescendo simulate CAMPAIGN --scenario
/// FILE`): optionally the real facts first (`base_ledger`), then facts of its own, simulated
/// exactly as `simulate` simulates the same facts given as CSV files.
public struct Scenario: Sendable {
    public var name: String
    /// The scenario file, as given.
    public var path: String
    public var from: Instant?
    public var until: Instant?
    /// A ledger CSV or database, resolved against the scenario file's folder.
    public var baseLedger: String?
    /// An indicator samples CSV read with the base ledger, resolved the same way.
    public var baseIndicators: String?
    /// A responses CSV read with the base ledger, resolved the same way.
    public var baseResponses: String?
    /// Entries in file order (`generate:` expanded); they come after the base ledger's.
    public var ledger: [LedgerEntry]
    public var indicators: [IndicatorSample]
    public var responses: [Response]

    public init(name: String, path: String = "", from: Instant? = nil, until: Instant? = nil, baseLedger: String? = nil,
                baseIndicators: String? = nil, baseResponses: String? = nil, ledger: [LedgerEntry] = [],
                indicators: [IndicatorSample] = [], responses: [Response] = []) {
        self.name = name; self.path = path; self.from = from; self.until = until; self.baseLedger = baseLedger
        self.baseIndicators = baseIndicators; self.baseResponses = baseResponses
        self.ledger = ledger; self.indicators = indicators; self.responses = responses
    }
}
