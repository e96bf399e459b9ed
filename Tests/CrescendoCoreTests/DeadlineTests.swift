import XCTest
@testable import CrescendoCore

final class DeadlineTests: XCTestCase {
    private func campaign(extra: [Rule] = []) -> Campaign {
        let brief = Fx.rule("brief", .every(n: 2, of: .entries, filter: EntryFilter(), per: nil),
                            do: [ActionSpec(.briefing(demand: "psl", deadline: .days(3), to: nil))])
        return Fx.campaign([brief] + extra)
    }

    func testBriefingsOpenNumberedDeadlinesAndSilenceIsRecorded() {
        let missed = Fx.rule("missed", .deadline(.missed, demand: nil), do: [ActionSpec(.publish(template: "silence"))])
        let answered = Fx.rule("answered", .deadline(.answered, demand: "psl"))
        let c = campaign(extra: [missed, answered])
        let ledger = Fx.entries(4, every: .hours(1), from: "2027-01-02T00:00Z")  // briefings at 01:00 and 03:00
        let responses = [Response(at: Fx.t("2027-01-04T00:00Z"), deadline: 1, text: "We will table a bill")]
        let out = Fx.run(c, ledger: ledger, responses: responses, until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T01:00:00Z brief briefing", "2027-01-02T03:00:00Z brief briefing",
                                   "2027-01-04T00:00:00Z answered notify",
                                   "2027-01-05T03:00:00Z brief silence", "2027-01-05T03:00:00Z missed publish"])
        XCTAssertEqual(out[0].deadline, 1)
        XCTAssertEqual(out[0].due, Fx.t("2027-01-05T01:00Z"))
        XCTAssertEqual(out[0].target, "Ministry of Labour")
        XCTAssertEqual(out[3].deadline, 2)
        XCTAssertEqual(out[4].context["days_silent"], "3")
        XCTAssertEqual(out[4].context["target"], "Ministry of Labour")
        XCTAssertEqual(out[2].because, "deadline 1 (Ministry of Labour on psl) answered: \"We will table a bill\"")
    }

    func testAResponseAtTheDueInstantAnswersInTime() {
        let c = campaign()
        let ledger = Fx.entries(2, every: .hours(1), from: "2027-01-02T00:00Z")
        let out = Fx.run(c, ledger: ledger, responses: [Response(at: Fx.t("2027-01-05T01:00Z"), deadline: 1, text: "ok")], until: "2027-02-01")
        XCTAssertEqual(out.lines, ["2027-01-02T01:00:00Z brief briefing"])
    }

    func testEverySilencesCountsMissedDeadlines() {
        let third = Fx.rule("third", .every(n: 2, of: .silences, filter: EntryFilter(), per: nil))
        let c = campaign(extra: [third])
        let ledger = Fx.entries(8, every: .hours(1), from: "2027-01-02T00:00Z")  // deadlines 1-4, due 01-05 01:00, 03:00, 05:00, 07:00
        let out = Fx.run(c, ledger: ledger, responses: [Response(at: Fx.t("2027-01-03T00:00Z"), deadline: 2, text: "ok")], until: "2027-02-01")
        XCTAssertEqual(out.filter { $0.action != "briefing" }.lines, [
            "2027-01-05T01:00:00Z brief silence", "2027-01-05T05:00:00Z brief silence", "2027-01-05T05:00:00Z third notify",
            "2027-01-05T07:00:00Z brief silence",
        ])
    }

    func testWinTriggersOnAResponseMarkedAWin() {
        let any = Fx.rule("any", .win(.any, demand: nil), do: [Fx.ritual("celebration")])
        let full = Fx.rule("full", .win(.full, demand: "psl"), do: [Fx.ritual("celebration")])
        let c = campaign(extra: [any, full])
        let ledger = Fx.entries(4, every: .hours(1), from: "2027-01-02T00:00Z")
        let responses = [Response(at: Fx.t("2027-01-03T00:00Z"), deadline: 1, text: "partly", win: .partial),
                         Response(at: Fx.t("2027-01-03T01:00Z"), deadline: 2, text: "yes", win: .full)]
        let out = Fx.run(c, ledger: ledger, responses: responses, until: "2027-02-01")
        XCTAssertEqual(out.filter { $0.action == "ritual" }.lines, [
            "2027-01-03T00:00:00Z any ritual", "2027-01-03T01:00:00Z any ritual", "2027-01-03T01:00:00Z full ritual",
        ])
    }

    func testResponsesToUnknownDeadlinesAreNotedNotFatal() {
        var engine = Engine(campaign: campaign(), options: .init(until: Fx.t("2027-02-01")))
        var out: [Occurrence] = []
        XCTAssertNoThrow(try engine.record(.response(Response(at: Fx.t("2027-01-03T00:00Z"), deadline: 9, text: "?")), into: &out))
        engine.finish(into: &out)
        XCTAssertEqual(engine.notes, ["a response at 2027-01-03T00:00:00Z names deadline 9, which was not open; ignored"])
    }
}

final class OrderAndBatchingTests: XCTestCase {
    func testSimultaneousActionsComeInRuleOrderThenDoOrderThenFollowUps() {
        let ladder = Ladder(id: "main", pick: .rotate, tactics: [Tactic(id: "a", text: "A")])
        let every = Trigger.every(n: 1, of: .entries, filter: EntryFilter(), per: nil)
        let r1 = Fx.rule("first", every, do: [Fx.escalate, Fx.ritual("one"), Fx.ritual("two")])
        let r2 = Fx.rule("second", every, do: [Fx.ritual("three")])
        let c = Fx.campaign([r1, r2], ladders: [ladder], decompression: [Fx.ritual("after")])
        let out = Fx.run(c, ledger: [Fx.entry("2027-01-02T00:00Z")], until: "2027-02-01")
        XCTAssertEqual(out.map { "\($0.rule) \($0.action) \($0.kind ?? "")" },
                       ["first escalate ", "first ritual one", "first ritual two", "second ritual three", "first ritual after"])
    }

    func testTheSameLedgerFedInBatchesOfDifferentSizesGivesIdenticalOutput() {
        let c = Fx.campaign([
            Fx.rule("b", .every(n: 7, of: .entries, filter: EntryFilter(), per: nil),
                    do: [ActionSpec(.briefing(demand: "psl", deadline: .hours(30), to: nil))]),
            Fx.rule("s", .threshold(Threshold(measure: .sum(metric: "masks", over: .hours(5)), comparison: .above(30), per: .area))),
            Fx.rule("h", .threshold(Threshold(measure: .count(over: .hours(3)), comparison: .above(4), hold: .hours(2)))),
            Fx.rule("q", .every(n: 3, of: .silences, filter: EntryFilter(), per: nil), do: [Fx.escalate]),
            Fx.rule("d", .schedule(.daily(at: LocalTime(hour: 9, minute: 0)))),
        ], ladders: [Ladder(id: "l", pick: .shuffle(seed: 7), tactics: ["x", "y", "z"].map { Tactic(id: $0, text: $0) })],
           pacing: Pacing(cooldown: .hours(20), whenBlocked: .defer), decompression: [Fx.ritual("rest", in: .hours(3))], areas: ["a1", "a2", "a3"])
        var rng = SplitMix64(seed: 42)
        var t = Fx.t("2027-01-01T00:00Z")
        var facts: [Fact] = []
        for _ in 0..<3000 {
            t = t + TimeSpan(seconds: Int64(rng.next() % 1800))
            facts.append(.entry(LedgerEntry(at: t, kind: "masks", quantity: Quantity(Int64(rng.next() % 10)), area: "a\(rng.next() % 3 + 1)")))
        }
        let until = t + .days(3)
        func run(batch: Int) -> [String] {
            var engine = Engine(campaign: c, options: .init(until: until))
            var out: [Occurrence] = []
            for (i, f) in facts.enumerated() {
                try? engine.record(f, into: &out)
                // Time may move on to just before this fact: a later fact can share its instant.
                if (i + 1) % batch == 0 { engine.advance(through: f.at - TimeSpan(seconds: 1), into: &out) }
            }
            engine.finish(into: &out)
            return out.map(\.jsonLine)
        }
        let whole = run(batch: Int.max)
        XCTAssertGreaterThan(whole.count, 100)
        for size in [1, 2, 17, 500] {
            let got = run(batch: size)
            XCTAssertEqual(got.count, whole.count, "batch size \(size)")
            if let i = zip(got, whole).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { XCTFail("batch size \(size) differs at line \(i): \(got[i]) vs \(whole[i])") }
        }
    }
}
