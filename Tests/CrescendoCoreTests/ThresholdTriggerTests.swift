import XCTest
@testable import CrescendoCore

final class ThresholdTriggerTests: XCTestCase {
    private func sumRule(_ cmp: Comparison, over: TimeSpan = .days(7), per: CrescendoCore.Dimension? = nil, hold: TimeSpan? = nil) -> Rule {
        Fx.rule("s", .threshold(Threshold(measure: .sum(metric: "masks", over: over), comparison: cmp, per: per, hold: hold)))
    }

    func testRisingEdgeFiresOnceAndRearmsOnlyAfterFalling() {
        let c = Fx.campaign([sumRule(.above(10), over: .days(1))])
        let ledger = [Fx.entry("2027-01-02T00:00Z", "masks", 6), Fx.entry("2027-01-02T01:00Z", "masks", 6),  // 12 > 10: fires
                      Fx.entry("2027-01-02T02:00Z", "masks", 6),  // still above: nothing
                      // 01-03T00:00 the first leaves (12), 01:00 the second (6): fell; 02:00 (0); 05:00 +12: fires again
                      Fx.entry("2027-01-03T05:00Z", "masks", 12)]
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T01:00:00Z s notify", "2027-01-03T05:00:00Z s notify"])
        XCTAssertEqual(out[0].because, "masks over 1d rose to 12, above 10")
    }

    func testBelowBecomesTrueAtTheExactInstantAnEntryLeavesTheWindow() {
        // The window is (t - 7d, t]: an entry at a counts until a + 7d, and leaves exactly then.
        let c = Fx.campaign([sumRule(.below(5))])
        let ledger = [Fx.entry("2027-01-01T00:00Z", "masks", 9), Fx.entry("2027-01-03T08:30:15Z", "masks", 3)]
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        // At the start the total is 9 (the entry at the start instant counts): not below.
        // At 01-08T00:00 the 9 leaves, total 3: below 5. At 01-10T08:30:15 the 3 leaves: still below.
        XCTAssertEqual(out.lines, ["2027-01-08T00:00:00Z s notify"])
    }

    func testAConditionTrueAtTheStartFiresAtTheStart() {
        let c = Fx.campaign([sumRule(.below(5))], start: "2027-01-04")
        XCTAssertEqual(Fx.run(c, until: "2027-01-10").lines, ["2027-01-04T00:00:00Z s notify"])
    }

    func testPerAreaThresholdsHaveTheirOwnEdges() {
        let c = Fx.campaign([sumRule(.above(4), over: .days(1), per: .area)], areas: ["a1", "a2"])
        let ledger = [Fx.entry("2027-01-02T00:00Z", "masks", 5, area: "a1"), Fx.entry("2027-01-02T01:00Z", "masks", 3, area: "a2"),
                      Fx.entry("2027-01-02T02:00Z", "masks", 3, area: "a2"), Fx.entry("2027-01-02T03:00Z", "masks", 3, area: "a1")]
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.map { "\($0.at) \($0.area!)" }, ["2027-01-02T00:00:00Z a1", "2027-01-02T02:00:00Z a2"])
        XCTAssertEqual(out.map { $0.context["area"] }, ["A1", "A2"], "templates get the area's label")
    }

    func testCountOfEntries() {
        let c = Fx.campaign([Fx.rule("c", .threshold(Threshold(measure: .count(over: .hours(2)), comparison: .above(2))))])
        let ledger = Fx.entries(3, every: .minutes(30), from: "2027-01-02T00:00Z")
        XCTAssertEqual(Fx.run(c, ledger: ledger, until: "2027-02-01").lines, ["2027-01-02T01:00:00Z c notify"])
    }

    func testHoldFiresAtItsStartPlusTheHold() {
        let c = Fx.campaign([Fx.rule("i", .threshold(Threshold(measure: .indicator("rate"), comparison: .above(8), hold: .hours(48))))])
        let samples = [IndicatorSample(at: Fx.t("2027-01-02T00:00Z"), name: "rate", value: 9),
                       IndicatorSample(at: Fx.t("2027-01-03T00:00Z"), name: "rate", value: 12)]
        let out = Fx.run(c, indicators: samples, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-04T00:00:00Z i notify"])
        XCTAssertEqual(out[0].because, "rate above 8 since 2027-01-02T00:00:00Z, held for 2d")
    }

    func testABrokenHoldRearmsFromTheNextRise() {
        let c = Fx.campaign([Fx.rule("i", .threshold(Threshold(measure: .indicator("rate"), comparison: .above(8), hold: .hours(48))))])
        let samples = [("2027-01-02T00:00Z", 9.0), ("2027-01-03T00:00Z", 7.0), ("2027-01-03T06:00Z", 9.5), ("2027-01-10T00:00Z", 1.0)]
            .map { IndicatorSample(at: Fx.t($0.0), name: "rate", value: $0.1) }
        XCTAssertEqual(Fx.run(c, indicators: samples, until: "2027-02-01").lines, ["2027-01-05T06:00:00Z i notify"])
    }

    func testASampleAtTheHoldsEndThatEndsTheConditionCancelsIt() {
        let c = Fx.campaign([Fx.rule("i", .threshold(Threshold(measure: .indicator("rate"), comparison: .above(8), hold: .hours(48))))])
        let samples = [("2027-01-02T00:00Z", 9.0), ("2027-01-04T00:00Z", 3.0)]
            .map { IndicatorSample(at: Fx.t($0.0), name: "rate", value: $0.1) }
        XCTAssertEqual(Fx.run(c, indicators: samples, until: "2027-02-01"), [])
    }

    func testHoldOnARollingSumFiresOnlyIfTheSumStaysAbove() {
        let c = Fx.campaign([sumRule(.above(5), over: .days(1), hold: .hours(12))])
        // 6 at 00:00 stays in the window until 01-03T00:00: held 12h at 12:00.
        let out = Fx.run(c, ledger: [Fx.entry("2027-01-02T00:00Z", "masks", 6)], until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T12:00:00Z s notify"])
        // Over 6h the entry leaves before the hold ends: nothing.
        let c2 = Fx.campaign([sumRule(.above(5), over: .hours(6), hold: .hours(12))])
        XCTAssertEqual(Fx.run(c2, ledger: [Fx.entry("2027-01-02T00:00Z", "masks", 6)], until: "2027-02-01"), [])
    }
}
