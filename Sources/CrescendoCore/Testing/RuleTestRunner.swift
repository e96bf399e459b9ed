/// Runs rule tests (`crescendo test`) through the same engine as `simulate`.
public struct RuleTestRunner {
    public struct Outcome: Sendable {
        public var test: RuleTest
        public var passed: Bool
        /// What went wrong, one line each.
        public var failures: [String]
        public var actual: [Occurrence]
    }

    public let campaign: Campaign
    public let renderer: (any TemplateRendering)?

    public init(campaign: Campaign, renderer: (any TemplateRendering)? = nil) {
        self.campaign = campaign; self.renderer = renderer
    }

    /// Replays the test's facts and checks `expect`, `expect_none` and `exact`.
    public func run(_ test: RuleTest) -> Outcome {
        check(test, against: Result {
            try Self.simulate(campaign: campaign, ledger: test.ledger, indicators: test.indicators,
                              responses: test.responses, from: test.from, until: test.until, renderer: renderer)
        })
    }

    /// Checks a test against what its run gave. A run that threw fails the test with the
    /// error, whatever it expects: an `expect_none` never passes because nothing ran.
    public func check(_ test: RuleTest, against run: Result<[Occurrence], any Error>) -> Outcome {
        let actual: [Occurrence]
        switch run {
        case .success(let occurrences): actual = occurrences
        case .failure(let error): return Outcome(test: test, passed: false, failures: ["the simulation failed: \(error)"], actual: [])
        }
        var failures: [String] = []
        var cursor = 0
        var matched: [Int] = []
        for (n, p) in test.expect.enumerated() {
            if let i = actual[cursor...].firstIndex(where: { p.matches($0) }) {
                matched.append(i)
                cursor = i + 1
            } else {
                let earlier = actual[..<cursor].contains { p.matches($0) }
                failures.append("expect[\(n)] \(p): no matching action" + (earlier ? " after the previous expectation (one matches earlier: check the order)" : ""))
            }
        }
        if test.exact, failures.isEmpty, matched.count != actual.count {
            let extra = actual.indices.filter { !matched.contains($0) }.map { actual[$0].summary }
            failures.append("exact: \(extra.count) unexpected action\(extra.count == 1 ? "" : "s"): " + extra.prefix(5).joined(separator: "; "))
        }
        for (n, p) in test.expectNone.enumerated() {
            if let hit = actual.first(where: { p.matches($0) }) {
                failures.append("expect_none[\(n)] \(p): matched \(hit.summary)")
            }
        }
        return Outcome(test: test, passed: failures.isEmpty, failures: failures, actual: actual)
    }

    /// Runs the engine over in-memory facts; entries are numbered in order of `at`, ties in
    /// the order given.
    public static func simulate(campaign: Campaign, ledger: [LedgerEntry], indicators: [IndicatorSample], responses: [Response],
                                from: Instant?, until: Instant?, renderer: (any TemplateRendering)? = nil) throws -> [Occurrence] {
        let options = Engine.Options(start: from, until: until, renderer: renderer)
        return try Simulation.run(campaign: campaign, openLedger: {
            var iterator = ledger.makeIterator()
            return { iterator.next() }
        }, indicators: indicators, responses: responses, options: options).occurrences
    }
}

extension ActionPattern: CustomStringConvertible {
    /// Whether an occurrence has every field the pattern gives.
    public func matches(_ o: Occurrence) -> Bool {
        if let at, at != o.at { return false }
        for (k, v) in fields where o.fieldText(k) != v { return false }
        return true
    }

    public var description: String {
        var parts: [String] = []
        if let at { parts.append("at: \(at)") }
        parts += fields.keys.sorted().map { "\($0): \(fields[$0]!)" }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}

extension Occurrence {
    /// `2027-02-16T14:00:00Z escalate-every-1000 escalate tactic=public-audit`.
    public var summary: String {
        var s = "\(at) \(rule) \(action)"
        for (k, v) in [("tactic", tactic), ("deadline", deadline.map(String.init)), ("area", area), ("kind", kind),
                       ("group", group.flatMap { $0.per == .area ? nil : "\($0.per.rawValue):\($0.key)" })] {
            if let v { s += " \(k)=\(v)" }
        }
        if suppressed { s += " suppressed" }
        return s
    }
}
