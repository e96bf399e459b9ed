import CrescendoInputs
import CrescendoWorkload
import XCTest
@testable import CrescendoCore

/// The engine's shortcuts must not change what happens: keys handed over by the CSV reader,
/// thresholds skipped while their value stays between two limits, and `every:` counters that
/// compare against the next multiple instead of dividing. Each run below takes a different path
/// through the same W1-shaped ledger, and all must give the same actions, byte for byte.
final class EngineShortcutTests: XCTestCase {
    private static let csv: String = {
        var bytes: [UInt8] = []
        try? W1Workload(entries: 20_000, seed: 3).writeLedger { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }()

    private func campaign() -> Campaign {
        func threshold(_ id: String, _ m: Measure, _ c: Comparison, per: CrescendoCore.Dimension? = nil, filter: EntryFilter = EntryFilter(),
                       hold: TimeSpan? = nil) -> Rule {
            Fx.rule(id, .threshold(Threshold(measure: m, comparison: c, per: per, filter: filter, hold: hold)))
        }
        let week = TimeSpan.hours(24 * 7), day = TimeSpan.hours(24)
        let rules: [Rule] = [
            Fx.rule("every-500", .every(n: 500, of: .entries, filter: EntryFilter(), per: nil)),
            Fx.rule("every-300-masks", .every(n: 300, of: .metric("masks"), filter: EntryFilter(), per: nil)),
            Fx.rule("every-100-per-area", .every(n: 100, of: .entries, filter: EntryFilter(), per: .area)),
            Fx.rule("every-50-a03", .every(n: 50, of: .entries, filter: EntryFilter(area: "a03"), per: nil)),
            threshold("masks-area-high", .sum(metric: "masks", over: week), .above(80), per: .area),
            threshold("masks-area-higher", .sum(metric: "masks", over: week), .above(120), per: .area),
            threshold("masks-area-low", .sum(metric: "masks", over: week), .below(30), per: .area),
            threshold("masks-area-exact", .sum(metric: "masks", over: week), .above(60), per: .area, hold: day),
            threshold("count-demand", .count(over: day), .above(25), per: .demand),
            threshold("count-kind-low", .count(over: day), .below(20), per: .kind),
            threshold("count-all", .count(over: day), .above(60)),
            threshold("hours-psl", .sum(metric: "childcare_hours", over: week), .above(150), filter: EntryFilter(demand: "paid-sick-leave")),
        ]
        return Campaign(id: "w1", title: "W1", zone: .utc, start: W1Workload.yearStart + .hours(24 * 14),
                        end: W1Workload.yearStart + .hours(24 * 200),
                        metrics: W1Workload.kinds.map { Metric(id: $0.id, label: $0.id, unit: "") },
                        demands: W1Workload.demands.map { Demand(id: $0.id, text: $0.id, target: "T", funding: "F") },
                        areas: W1Workload.areas.map { Area(id: $0, label: $0) }, rules: rules)
    }

    private func run(keyed: Bool, explain: String? = nil) throws -> [String] {
        let c = campaign()
        let result = try Simulation.run(campaign: c, openBatches: {
            let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(Self.csv.utf8), fileName: "ledger.csv"),
                                             file: "ledger.csv", campaign: c)
            return {
                // Batches of 7, to cross many batch boundaries.
                var batch: [KeyedEntry] = []
                while batch.count < 7, let k = try reader.nextKeyed() { batch.append(keyed ? k : KeyedEntry(entry: k.entry)) }
                return batch.isEmpty ? nil : batch
            }
        }, indicators: [], responses: [], options: Engine.Options(explain: explain, traceLimit: 10))
        return result.occurrences.map(\.jsonLine)
    }

    func testTheReadersKeysChangeNothing() throws {
        let keyed = try run(keyed: true)
        XCTAssertGreaterThan(Set(keyed.map { $0.prefix(60) }).count, 200, "the campaign should fire often")
        for rule in ["every-500", "every-300-masks", "every-100-per-area", "every-50-a03", "masks-area-high", "masks-area-low",
                     "masks-area-exact", "count-demand", "count-kind-low", "count-all", "hours-psl"] {
            XCTAssertTrue(keyed.contains { $0.contains("\"rule\":\"\(rule)\"") }, "\(rule) never fired")
        }
        XCTAssertEqual(keyed, try run(keyed: false))
    }

    func testJudgingEveryChangeGivesTheSameActionsAsSkippingBetweenLimits() throws {
        // With --explain every change of every threshold is judged; without, a value that stays
        // between two limits is not looked at.
        XCTAssertEqual(try run(keyed: true, explain: "masks-area-high"), try run(keyed: true))
    }

    func testKeysAreTheCampaignsDeclarationOrder() throws {
        let c = campaign()
        let line = "at,kind,quantity,area,demand\n2026-02-01T00:00:00Z,calls_diverted,2,a07,income-support\n2026-02-01T00:00:01Z,masks,1,,\n"
        let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(line.utf8), fileName: "l.csv"), file: "l.csv", campaign: c)
        let first = try XCTUnwrap(reader.nextKeyed())
        XCTAssertEqual(c.metrics[Int(first.keys.metric)].id, "calls_diverted")
        XCTAssertEqual(c.areas[Int(first.keys.area)].id, "a07")
        XCTAssertEqual(c.demands[Int(first.keys.demand)].id, "income-support")
        XCTAssertEqual(try XCTUnwrap(reader.nextKeyed()).keys, EntryKeys(metric: 0, area: -1, demand: -1))
    }
}
