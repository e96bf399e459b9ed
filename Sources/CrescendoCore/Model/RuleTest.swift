/// A rule-test file (`crescendo test`): a campaign and tests run through the same engine.
public struct RuleTestFile: Sendable {
    public var path: String
    /// Path of the campaign, as written (relative to the test file).
    public var campaignPath: String
    public var campaign: Campaign
    public var tests: [RuleTest]
    public init(path: String, campaignPath: String, campaign: Campaign, tests: [RuleTest]) {
        self.path = path; self.campaignPath = campaignPath; self.campaign = campaign; self.tests = tests
    }
}

public struct RuleTest: Sendable {
    public var name: String
    /// Line of the test in its file, for messages.
    public var line: Int
    public var from: Instant?
    public var until: Instant?
    /// Ledger entries in file order (`generate:` already expanded).
    public var ledger: [LedgerEntry]
    public var indicators: [IndicatorSample]
    public var responses: [Response]
    public var expect: [ActionPattern]
    public var expectNone: [ActionPattern]
    /// With `exact: true`, no other action may happen between or around the expected ones.
    public var exact: Bool
    public init(name: String, line: Int = 0, from: Instant? = nil, until: Instant? = nil, ledger: [LedgerEntry] = [],
                indicators: [IndicatorSample] = [], responses: [Response] = [], expect: [ActionPattern] = [],
                expectNone: [ActionPattern] = [], exact: Bool = false) {
        self.name = name; self.line = line; self.from = from; self.until = until; self.ledger = ledger
        self.indicators = indicators; self.responses = responses; self.expect = expect
        self.expectNone = expectNone; self.exact = exact
    }
}

/// A pattern over an action: `at` compares instants, every other field compares the value the
/// action has in `simulate --format json` (numbers and booleans as their JSON text).
public struct ActionPattern: Hashable, Sendable {
    public var at: Instant?
    /// Field name to expected value, e.g. `["rule": "escalate-every-1000", "action": "escalate"]`.
    public var fields: [String: String]
    public var line: Int
    public init(at: Instant? = nil, fields: [String: String] = [:], line: Int = 0) {
        self.at = at; self.fields = fields; self.line = line
    }
}
