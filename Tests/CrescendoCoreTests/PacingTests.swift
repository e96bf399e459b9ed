import XCTest
@testable import CrescendoCore

final class PacingTests: XCTestCase {
    let ladder = Ladder(id: "main", pick: .rotate, tactics: [Tactic(id: "a", text: "A"), Tactic(id: "b", text: "B"), Tactic(id: "c", text: "C")])
    let everyEntry = Trigger.every(n: 1, of: .entries, filter: EntryFilter(), per: nil)

    private func campaign(_ pacing: Pacing, decompression: [ActionSpec] = []) -> Campaign {
        Fx.campaign([Fx.rule("e", everyEntry, do: [Fx.escalate])], ladders: [ladder], pacing: pacing, decompression: decompression)
    }

    func testDeferredEscalationsCoalesceAtTheEndOfTheCooldown() {
        let c = campaign(Pacing(cooldown: .days(7), whenBlocked: .defer), decompression: [Fx.ritual("rest", in: .days(2))])
        let ledger = ["2027-01-02T10:00Z", "2027-01-03T10:00Z", "2027-01-04T10:00Z"].map { Fx.entry($0) }
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T10:00:00Z e escalate", "2027-01-04T10:00:00Z e ritual",
                                   "2027-01-09T10:00:00Z e escalate", "2027-01-11T10:00:00Z e ritual"])
        XCTAssertEqual(out[2].coalesced, 2)
        XCTAssertEqual(out[2].deferredFrom, Fx.t("2027-01-03T10:00Z"))
        XCTAssertEqual(out.compactMap(\.tactic), ["a", "b"])
        XCTAssertEqual(out[3].follows, "e", "follow-ups are timed from when the escalation actually happens")
    }

    func testARequestAtTheVeryInstantADeferredEscalationHappensJoinsIt() {
        let c = campaign(Pacing(cooldown: .days(7), whenBlocked: .defer))
        let ledger = ["2027-01-02T10:00Z", "2027-01-03T10:00Z", "2027-01-09T10:00Z"].map { Fx.entry($0) }
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T10:00:00Z e escalate", "2027-01-09T10:00:00Z e escalate"])
        XCTAssertEqual(out[1].coalesced, 2)
    }

    func testSkipRecordsSuppressedEscalationsWithTheReasonAndNoFollowUps() {
        let c = campaign(Pacing(cooldown: .days(7), whenBlocked: .skip), decompression: [Fx.ritual("rest", in: .days(2))])
        let ledger = ["2027-01-02T10:00Z", "2027-01-03T10:00Z", "2027-01-09T10:00Z"].map { Fx.entry($0) }
        let out = Fx.run(c, ledger: ledger, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T10:00:00Z e escalate", "2027-01-03T10:00:00Z e escalate", "2027-01-04T10:00:00Z e ritual",
                                   "2027-01-09T10:00:00Z e escalate", "2027-01-11T10:00:00Z e ritual"])
        XCTAssertTrue(out[1].suppressed)
        XCTAssertNil(out[1].tactic)
        XCTAssertEqual(out[1].reason, "cool-down of 7d after the escalation at 2027-01-02T10:00:00Z")
        XCTAssertEqual(out.compactMap(\.tactic), ["a", "b"], "a suppressed escalation uses no tactic")
    }

    func testLimitOverARollingPeriod() {
        let c = campaign(Pacing(limit: (count: 2, per: .days(30)), whenBlocked: .defer))
        let ledger = ["2027-01-01T00:00Z", "2027-01-10T00:00Z", "2027-01-20T00:00Z", "2027-02-05T00:00Z"].map { Fx.entry($0) }
        let out = Fx.run(c, ledger: ledger, until: "2027-04-01")
        // Two in (t - 30d, t]: the third waits until 01-31 (01-01 + 30d), then the fourth until 02-09 (01-10 + 30d).
        XCTAssertEqual(out.map(\.at.iso8601), ["2027-01-01T00:00:00Z", "2027-01-10T00:00:00Z", "2027-01-31T00:00:00Z", "2027-02-09T00:00:00Z"])
        XCTAssertEqual(out[3].deferredFrom, Fx.t("2027-02-05T00:00Z"))
    }

    func testSkipWithALimitNamesTheLimit() {
        let c = campaign(Pacing(limit: (count: 1, per: .days(30)), whenBlocked: .skip))
        let out = Fx.run(c, ledger: ["2027-01-01T00:00Z", "2027-01-10T00:00Z"].map { Fx.entry($0) }, until: "2027-04-01")
        XCTAssertEqual(out[1].reason, "limit of 1 escalation per 30d reached")
    }

    func testTheTacticReachesTheActionsAfterTheEscalationAndItsFollowUps() {
        let r = Fx.rule("e", everyEntry, do: [Fx.escalate, ActionSpec(.notify(channel: "log", text: nil, template: "call"))])
        let c = Fx.campaign([r], ladders: [ladder], decompression: [Fx.ritual("rest", in: .days(1))])
        let out = Fx.run(c, ledger: [Fx.entry("2027-01-02T10:00Z")], until: "2027-02-01")
        XCTAssertEqual(out.map(\.action), ["escalate", "notify", "ritual"])
        XCTAssertEqual(out.map { $0.context["tactic"] }, ["A", "A", "A"])
    }

    func testRulesThenReplacesTheCampaignsDecompression() {
        let r = Fx.rule("e", everyEntry, do: [Fx.escalate], then: [Fx.ritual("assembly", in: .days(1))])
        let c = Fx.campaign([r], ladders: [ladder], decompression: [Fx.ritual("rest", in: .days(2))])
        let out = Fx.run(c, ledger: [Fx.entry("2027-01-02T10:00Z")], until: "2027-02-01")
        XCTAssertEqual(out.map { "\($0.at) \($0.action) \($0.kind ?? "")" }, ["2027-01-02T10:00:00Z escalate ", "2027-01-03T10:00:00Z ritual assembly"])
    }
}

final class LadderTests: XCTestCase {
    func testRotateCyclesInListedOrder() {
        let l = Ladder(id: "l", pick: .rotate, tactics: ["a", "b", "c"].map { Tactic(id: $0, text: $0) })
        XCTAssertEqual((0..<7).compactMap { l.tactic(forEscalation: $0)?.id }, ["a", "b", "c", "a", "b", "c", "a"])
    }

    func testShuffleTakesEveryTacticOncePerCycle() {
        let ids = ["a", "b", "c", "d", "e"]
        let l = Ladder(id: "l", pick: .shuffle(seed: 2027), tactics: ids.map { Tactic(id: $0, text: $0) })
        for cycle in 0..<20 {
            let got = (0..<5).compactMap { l.tactic(forEscalation: cycle * 5 + $0)?.id }
            XCTAssertEqual(got.sorted(), ids, "cycle \(cycle)")
        }
        let cycles = (0..<4).map { c in (0..<5).compactMap { l.tactic(forEscalation: c * 5 + $0)?.id } }
        XCTAssertGreaterThan(Set(cycles.map { $0.joined() }).count, 1, "cycles differ in order")
    }

    func testShuffleIsTheSameOnEveryMachine() {
        // SplitMix64 is Crescendo's own generator: these values are fixed by its definition.
        var g = SplitMix64(seed: 0)
        XCTAssertEqual([g.next(), g.next()], [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        XCTAssertEqual(Ladder.shuffleOrder(count: 3, seed: 2027, cycle: 0), Ladder.shuffleOrder(count: 3, seed: 2027, cycle: 0))
        XCTAssertNotEqual(Ladder.shuffleOrder(count: 8, seed: 2027, cycle: 0), Ladder.shuffleOrder(count: 8, seed: 2028, cycle: 0))
    }
}
