import XCTest
@testable import CrescendoCore

final class EveryTriggerTests: XCTestCase {
    func testEveryNFiresAtTheEntryThatReachesEachMultiple() {
        let c = Fx.campaign([Fx.rule("b", .every(n: 20, of: .entries, filter: EntryFilter(), per: nil))])
        let out = Fx.run(c, ledger: Fx.entries(45, every: .hours(1), from: "2027-01-02T00:00Z"), until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T19:00:00Z b notify", "2027-01-03T15:00:00Z b notify"])
        XCTAssertEqual(out[0].because, "entry 20 reached every 20 entries")
        XCTAssertEqual(out[1].seq, 40)
    }

    func testEveryOfMetricFiresOncePerMultiplePassedAllAtThatEntry() {
        let c = Fx.campaign([Fx.rule("m", .every(n: 10, of: .metric("masks"), filter: EntryFilter(), per: nil))])
        let ledger = [Fx.entry("2027-01-02T10:00Z", "masks", 7), Fx.entry("2027-01-02T11:00Z", "hours", 50),
                      Fx.entry("2027-01-02T12:00Z", "masks", 25)]
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, Array(repeating: "2027-01-02T12:00:00Z m notify", count: 3))
        XCTAssertEqual(out.map(\.because), [
            "masks total reached 10 at entry 3 (every 10 masks)",
            "masks total reached 20 at entry 3 (every 10 masks)",
            "masks total reached 30 at entry 3 (every 10 masks)",
        ])
    }

    func testWhereCountsOnlyMatchingEntries() {
        let c = Fx.campaign([Fx.rule("w", .every(n: 2, of: .entries, filter: EntryFilter(area: "a1"), per: nil))])
        let ledger = [Fx.entry("2027-01-02T10:00Z", area: "a1"), Fx.entry("2027-01-02T11:00Z", area: "a2"),
                      Fx.entry("2027-01-02T12:00Z", area: "a1")]
        XCTAssertEqual(Fx.run(c, ledger: ledger, until: "2027-02-01").lines, ["2027-01-02T12:00:00Z w notify"])
    }

    func testPerAreaCountsEachAreaOnItsOwnAndNamesIt() {
        let c = Fx.campaign([Fx.rule("p", .every(n: 2, of: .entries, filter: EntryFilter(), per: .area))], areas: ["a1", "a2"])
        let ledger = [Fx.entry("2027-01-02T10:00Z", area: "a1"), Fx.entry("2027-01-02T11:00Z", area: "a2"),
                      Fx.entry("2027-01-02T12:00Z", area: "a2"), Fx.entry("2027-01-02T13:00Z", area: "a1")]
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.map { "\($0.at) \($0.area ?? "-")" }, ["2027-01-02T12:00:00Z a2", "2027-01-02T13:00:00Z a1"])
    }

    func testEntriesBeforeTheStartCountButDoNotFire() {
        let c = Fx.campaign([Fx.rule("b", .every(n: 2, of: .entries, filter: EntryFilter(), per: nil))], start: "2027-01-05")
        let ledger = Fx.entries(5, every: .days(1), from: "2027-01-02T12:00Z")  // 01-02 ... 01-06
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-05T12:00:00Z b notify"], "entry 4 is the first multiple after the start")
    }

    func testHugeQuantitiesNeitherTrapNorStall() {
        // Fifteen whole digits is the largest quantity the ledger accepts; ten of them overflow
        // a plain Int64 total of milli-units, and one of them passes 10^15 milestones of `every: 1`.
        let c = Fx.campaign([Fx.rule("m", .every(n: 1, of: .metric("masks"), filter: EntryFilter(), per: nil))])
        let ledger = (10..<22).map { Fx.entry("2027-01-02T10:\($0)Z", "masks", 999_999_999_999_999) }
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.count, 10_000, "each fact fires its first 1,000 milestones until the total reaches its limit")
        XCTAssertEqual(out.filter { $0.seq == 1 }.count, 1000)
        XCTAssertEqual(out.filter { $0.seq == 1 }.last?.because, "masks total reached 1000 at entry 1 (every 1 masks)")
        XCTAssertTrue(out.filter { $0.seq ?? 0 > 10 }.isEmpty, "a total held at its limit passes no further milestone")
    }
}
