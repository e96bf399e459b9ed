import XCTest
@testable import CrescendoCore

final class SimulationTests: XCTestCase {
    private func run(_ ledger: [LedgerEntry], _ c: Campaign) throws -> Simulation.Result {
        try Simulation.run(campaign: c, openLedger: {
            var it = ledger.makeIterator()
            return { it.next() }
        }, indicators: [], responses: [], options: .init(until: Fx.t("2027-02-01")))
    }

    func testALedgerOutOfOrderIsNumberedByTimeThenFileOrder() throws {
        let c = Fx.campaign([Fx.rule("each", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil))])
        let ledger = [Fx.entry("2027-01-03T00:00Z", "masks"), Fx.entry("2027-01-02T00:00Z", "hours"),
                      Fx.entry("2027-01-03T00:00Z", "hours"), Fx.entry("2027-01-02T00:00Z", "masks")]
        let r = try run(ledger, c)
        XCTAssertTrue(r.sortedInMemory)
        XCTAssertEqual(r.occurrences.map { "\($0.seq!) \($0.at) \($0.context["kind"]!)" }, [
            "1 2027-01-02T00:00:00Z hours", "2 2027-01-02T00:00:00Z masks", "3 2027-01-03T00:00:00Z masks", "4 2027-01-03T00:00:00Z hours",
        ])
    }

    func testASortedLedgerIsStreamed() throws {
        let c = Fx.campaign([Fx.rule("each", .every(n: 2, of: .entries, filter: EntryFilter(), per: nil))])
        let r = try run(Fx.entries(4, every: .hours(1), from: "2027-01-02T00:00Z"), c)
        XCTAssertFalse(r.sortedInMemory)
        XCTAssertEqual(r.occurrences.count, 2)
    }

    func testABadRowStopsTheRunWithItsError() {
        struct BadRow: Error {}
        let c = Fx.campaign([Fx.rule("each", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil))])
        var n = 0
        XCTAssertThrowsError(try Simulation.run(campaign: c, openLedger: {
            return {
                n += 1
                if n == 3 { throw BadRow() }
                return Fx.entry("2027-01-0\(n)T00:00Z")
            }
        }, indicators: [], responses: [], options: .init())) { XCTAssertTrue($0 is BadRow) }
    }

    func testJSONLinesHaveTheSpecifiedFieldOrderAndEscapes() {
        var o = Occurrence(at: Fx.t("2027-02-14T15:00Z"), rule: "escalate-every-1000", action: "escalate",
                           because: "entry 1000 reached every 1000 entries")
        o.tactic = "public-audit"
        o.text = "Say \"no\"\n"
        XCTAssertEqual(o.jsonLine, #"{"at":"2027-02-14T15:00:00Z","rule":"escalate-every-1000","action":"escalate","tactic":"public-audit","text":"Say \"no\"\n","because":"entry 1000 reached every 1000 entries"}"#)
        XCTAssertEqual(o.fieldText("text"), "Say \"no\"\n")
        XCTAssertEqual(o.fieldText("late"), "false")
    }

    func testFormatNumberHasNoFloatNoise() {
        XCTAssertEqual(formatNumber(3.5999999999999996), "3.6")
        XCTAssertEqual(formatNumber(8), "8")
        XCTAssertEqual(formatNumber(-0.25), "-0.25")
    }
}
