import XCTest
@testable import CrescendoCore

/// Scenarios share the work before their facts part, and each gives exactly what `simulate`
/// gives for the same facts (the base ledger's rows, then the scenario's).
final class ScenarioRunTests: XCTestCase {
    private let zone = Fx.toronto

    /// Milestones with briefings and escalations under pacing, a weekly sum per area, an indicator
    /// hold, silences and answers: enough state that a wrong copy would show.
    private var campaign: Campaign {
        let rules = [
            Fx.rule("brief", .every(n: 40, of: .entries, filter: EntryFilter(), per: nil),
                    do: [ActionSpec(.briefing(demand: "psl", deadline: .businessDays(3), to: nil))]),
            Fx.rule("push", .every(n: 100, of: .entries, filter: EntryFilter(), per: nil), do: [Fx.escalate]),
            Fx.rule("busy", .threshold(Threshold(measure: .sum(metric: "masks", over: .days(7)), comparison: .above(60), per: .area)),
                    do: [Fx.notify]),
            Fx.rule("surge", .threshold(Threshold(measure: .indicator("rate"), comparison: .above(8), hold: .hours(48))), do: [Fx.escalate]),
            Fx.rule("missed", .deadline(.missed, demand: nil), do: [Fx.ritual("vigil")]),
            Fx.rule("answered", .deadline(.answered, demand: nil), do: [Fx.ritual("thanks")]),
        ]
        return Fx.campaign(rules, zone: zone, ladders: [Ladder(id: "main", pick: .rotate, tactics: [Tactic(id: "a", text: "A"), Tactic(id: "b", text: "B")])],
                           pacing: Pacing(cooldown: .days(7), limit: (2, .days(30))), decompression: [Fx.ritual("rest", in: .days(2))],
                           areas: ["a01", "a02"])
    }

    private var base: [LedgerEntry] {
        let first = Fx.t("2027-01-04T08:00", zone)
        return (0..<600).map { (i: Int) -> LedgerEntry in
            let at: Instant = first + TimeSpan(seconds: Int64(i) * 5 * 3600)
            let kind: String = i % 3 == 0 ? "hours" : "masks"
            let area: String = i % 2 == 0 ? "a01" : "a02"
            return LedgerEntry(at: at, kind: kind, quantity: Quantity(Int64(1 + i % 4)), area: area)
        }
    }
    private let baseIndicators = [IndicatorSample(at: Fx.t("2027-01-04T00:00Z"), name: "rate", value: 3)]

    private func wave(_ name: String, from: String, count: Int, rate: Double? = nil, responses: [Response] = []) -> Scenario {
        let start = Fx.t(from, zone)
        var s = Scenario(name: name, until: Fx.t("2027-06-01T00:00", zone))
        s.ledger = (0..<count).map { LedgerEntry(at: start + TimeSpan(seconds: Int64($0) * 1800), kind: "masks", quantity: Quantity(3), area: "a01") }
        if let rate { s.indicators = [IndicatorSample(at: start, name: "rate", value: rate)] }
        s.responses = responses
        return s
    }

    private var scenarios: [Scenario] {
        [Scenario(name: "calm", until: Fx.t("2027-06-01T00:00", zone), responses: [Response(at: Fx.t("2027-01-20T12:00", zone), deadline: 1, text: "ok")]),
         wave("early", from: "2027-02-01T00:00", count: 300, rate: 12, responses: [Response(at: Fx.t("2027-01-20T12:00", zone), deadline: 1, text: "ok")]),
         wave("late", from: "2027-04-10T00:00", count: 300, rate: 14, responses: [Response(at: Fx.t("2027-01-20T12:00", zone), deadline: 1, text: "ok")])]
    }

    private func source(_ entries: [LedgerEntry], batch: Int = 64) -> () throws -> Simulation.KeyedBatchSource {
        {
            var i = 0
            return {
                guard i < entries.count else { return nil }
                defer { i += batch }
                return entries[i..<min(i + batch, entries.count)].map { KeyedEntry(entry: $0) }
            }
        }
    }

    /// The plain dry run of the same facts: the base ledger's rows, then the scenario's.
    private func plain(_ s: Scenario, base: [LedgerEntry]) throws -> Simulation.Result {
        try Simulation.run(campaign: campaign, openBatches: source(base + s.ledger), indicators: baseIndicators + s.indicators,
                           responses: s.responses, options: Engine.Options(until: s.until))
    }

    private func assertSame(_ outcomes: [ScenarioRun.Outcome], base: [LedgerEntry], file: StaticString = #filePath, line: UInt = #line) throws {
        for o in outcomes {
            let expected = try plain(o.scenario, base: base)
            XCTAssertGreaterThan(expected.occurrences.count, 10, file: file, line: line)
            XCTAssertEqual(o.result.occurrences.map(\.jsonLine), expected.occurrences.map(\.jsonLine), o.scenario.name, file: file, line: line)
            XCTAssertEqual(o.result.engine.deadlines, expected.engine.deadlines, o.scenario.name, file: file, line: line)
            XCTAssertEqual(o.result.endedAt, expected.endedAt, file: file, line: line)
            XCTAssertEqual(o.result.engine.status(at: o.result.endedAt).deadlines.map(\.sentence),
                           expected.engine.status(at: expected.endedAt).deadlines.map(\.sentence), file: file, line: line)
        }
    }

    func testEachScenarioGivesWhatThePlainDryRunOfTheSameFactsGives() throws {
        let outcomes = try ScenarioRun.run(campaign: campaign, scenarios: scenarios,
                                           base: ScenarioRun.Base(openBatches: source(base), indicators: baseIndicators), options: Engine.Options())
        XCTAssertEqual(outcomes.map(\.scenario.name), ["calm", "early", "late"])
        try assertSame(outcomes, base: base)
        // The futures differ, so a shared state that leaked from one copy into another would show.
        XCTAssertNotEqual(outcomes[0].result.occurrences.map(\.jsonLine), outcomes[1].result.occurrences.map(\.jsonLine))
        XCTAssertNotEqual(outcomes[1].result.occurrences.map(\.jsonLine), outcomes[2].result.occurrences.map(\.jsonLine))
    }

    func testTheyPartAtTheFirstFactThatDiffers() {
        let b = ScenarioRun.Base(openBatches: source(base), indicators: baseIndicators)
        // The shared response comes before the waves; the early wave's first entry and sample part them.
        XCTAssertEqual(ScenarioRun.partingInstant(of: scenarios, base: b, options: Engine.Options(), campaign: campaign),
                       Fx.t("2027-02-01T00:00", zone))
        XCTAssertEqual(ScenarioRun.partingInstant(of: Array(scenarios[1...]).reversed() + [scenarios[2]], base: b, options: Engine.Options(), campaign: campaign),
                       Fx.t("2027-02-01T00:00", zone))
        // Identical scenarios part only where the first of them ends.
        XCTAssertEqual(ScenarioRun.partingInstant(of: [scenarios[0], scenarios[0]], base: b, options: Engine.Options(), campaign: campaign),
                       Fx.t("2027-06-01T00:00:01", zone))
        var open = scenarios[0]
        open.until = nil
        XCTAssertNil(ScenarioRun.partingInstant(of: [open, open], base: b, options: Engine.Options(), campaign: campaign))
    }

    func testScenariosEndingAtDifferentTimesAndIdenticalOnesAreEachRightToo() throws {
        var short = scenarios[1]
        short.name = "short"
        short.until = Fx.t("2027-03-01T00:00", zone)
        let outcomes = try ScenarioRun.run(campaign: campaign, scenarios: [scenarios[1], short, scenarios[1], scenarios[0]],
                                           base: ScenarioRun.Base(openBatches: source(base), indicators: baseIndicators), options: Engine.Options())
        try assertSame(outcomes, base: base)
        XCTAssertEqual(outcomes[0].result.occurrences.map(\.jsonLine), outcomes[2].result.occurrences.map(\.jsonLine))
    }

    func testWithoutABaseAndWithOneScenario() throws {
        let one = try ScenarioRun.run(campaign: campaign, scenarios: [scenarios[1]], base: nil, options: Engine.Options())
        let expected = try Simulation.run(campaign: campaign, openBatches: source(scenarios[1].ledger), indicators: scenarios[1].indicators,
                                          responses: scenarios[1].responses, options: Engine.Options(until: scenarios[1].until))
        XCTAssertEqual(one[0].result.occurrences.map(\.jsonLine), expected.occurrences.map(\.jsonLine))
        XCTAssertFalse(one[0].result.occurrences.isEmpty)
    }

    func testABaseLedgerOutOfOrderIsSortedInMemoryAsSimulateSortsIt() throws {
        var shuffled = base
        shuffled.swapAt(10, 400)
        shuffled.swapAt(3, 599)
        let outcomes = try ScenarioRun.run(campaign: campaign, scenarios: scenarios,
                                           base: ScenarioRun.Base(openBatches: source(shuffled), indicators: baseIndicators), options: Engine.Options())
        XCTAssertTrue(outcomes.allSatisfy(\.result.sortedInMemory))
        try assertSame(outcomes, base: shuffled)
    }

    func testAtOneInstantTheBaseLedgersRowsComeFirst() throws {
        let each = Fx.campaign([Fx.rule("each", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil))])
        let at = "2027-01-05T10:00Z"
        let scenarios = [Scenario(name: "a", ledger: [Fx.entry(at, "hours"), Fx.entry("2027-01-06T10:00Z")]), Scenario(name: "b")]
        let outcomes = try ScenarioRun.run(campaign: each, scenarios: scenarios,
                                           base: ScenarioRun.Base(openBatches: source([Fx.entry("2027-01-04T10:00Z"), Fx.entry(at, "masks")])),
                                           options: Engine.Options())
        XCTAssertEqual(outcomes[0].result.occurrences.map { "\($0.seq!) \($0.context["kind"]!)" }, ["1 masks", "2 masks", "3 hours", "4 masks"])
        XCTAssertEqual(outcomes[1].result.occurrences.count, 2)
    }

    func testEntryTimesCoverTheBaseAndTheScenario() throws {
        let outcomes = try ScenarioRun.run(campaign: campaign, scenarios: scenarios, base: ScenarioRun.Base(openBatches: source(base)),
                                           options: Engine.Options(), entryTimes: true)
        XCTAssertEqual(outcomes.map { $0.entryTimes?.count }, [600, 900, 900])
    }
}
