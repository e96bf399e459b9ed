import CrescendoCore
import XCTest

/// Small builders so each test states only what it is about.
enum Fx {
    static let toronto = Zone(identifier: "America/Toronto")!

    static func t(_ s: String, _ zone: Zone = .utc) -> Instant {
        guard let i = TimeParsing.instant(s, zone: zone) else { fatalError("bad test time \(s)") }
        return i
    }

    static func campaign(_ rules: [Rule], zone: Zone = .utc, start: String = "2027-01-01", end: String? = nil,
                         ladders: [Ladder] = [], pacing: Pacing = Pacing(), decompression: [ActionSpec] = [],
                         windows: [Window] = [], areas: [String] = []) -> Campaign {
        Campaign(
            id: "test", title: "Test", zone: zone, start: t(start, zone), end: end.map { t($0, zone) },
            metrics: [Metric(id: "masks", label: "Masks", unit: "masks"), Metric(id: "hours", label: "Hours", unit: "hours")],
            demands: [Demand(id: "psl", text: "Paid sick leave", target: "Ministry of Labour", funding: "Line 4.2"),
                      Demand(id: "ppe", text: "PPE", target: "Health Ministry", funding: "Line 7")],
            indicators: [IndicatorDefinition(id: "rate", label: "Rate", unit: "%")],
            windows: windows, ladders: ladders, pacing: pacing, decompression: decompression,
            areas: areas.map { Area(id: $0, label: $0.uppercased()) }, rules: rules)
    }

    static func rule(_ id: String, _ trigger: Trigger, do actions: [ActionSpec] = [notify], if conditions: [Condition] = [],
                     then: [ActionSpec]? = nil) -> Rule {
        Rule(id: id, trigger: trigger, conditions: conditions, actions: actions, then: then)
    }

    static let notify = ActionSpec(.notify(channel: "log", text: "hello", template: nil))
    static let escalate = ActionSpec(.escalate(ladder: nil))
    static func ritual(_ kind: String, in d: TimeSpan = .zero) -> ActionSpec { ActionSpec(.ritual(kind: kind, text: kind), delay: d) }

    static func entry(_ at: String, _ kind: String = "masks", _ q: Int64 = 1, area: String? = nil, demand: String? = nil,
                      zone: Zone = .utc) -> LedgerEntry {
        LedgerEntry(at: t(at, zone), kind: kind, quantity: Quantity(q), area: area, demand: demand)
    }

    /// `count` entries `every` apart from `from`.
    static func entries(_ count: Int, every: TimeSpan, from: String, _ kind: String = "masks", _ q: Int64 = 1,
                        area: String? = nil) -> [LedgerEntry] {
        let s = t(from)
        return (0..<count).map { LedgerEntry(at: s + TimeSpan(seconds: every.seconds * Int64($0)), kind: kind, quantity: Quantity(q), area: area) }
    }

    static func run(_ c: Campaign, ledger: [LedgerEntry] = [], indicators: [IndicatorSample] = [], responses: [Response] = [],
                    from: String? = nil, until: String, file: StaticString = #filePath, line: UInt = #line) -> [Occurrence] {
        do {
            return try RuleTestRunner.simulate(campaign: c, ledger: ledger, indicators: indicators, responses: responses,
                                               from: from.map { t($0, c.zone) }, until: t(until, c.zone))
        } catch {
            XCTFail("the simulation failed: \(error)", file: file, line: line)
            return []
        }
    }
}

extension Array where Element == Occurrence {
    /// `at rule action` per line, for exact comparisons.
    var lines: [String] { map { "\($0.at) \($0.rule) \($0.action)" } }
    func of(_ rule: String) -> [Occurrence] { filter { $0.rule == rule } }
}
