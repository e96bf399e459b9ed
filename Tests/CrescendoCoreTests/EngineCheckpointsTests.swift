import XCTest
@testable import CrescendoCore

final class EngineCheckpointsTests: XCTestCase {
    /// Every-N, a rolling threshold, briefings with deadlines (answered and missed) and an
    /// indicator: state that a checkpoint must carry whole.
    private let campaign = Fx.campaign([
        Fx.rule("every-5", .every(n: 5, of: .entries, filter: EntryFilter(), per: nil)),
        Fx.rule("surge", .threshold(Threshold(measure: .sum(metric: "masks", over: .days(2)), comparison: .above(12), per: nil, hold: nil))),
        Fx.rule("brief", .every(n: 9, of: .entries, filter: EntryFilter(), per: nil),
                do: [ActionSpec(.briefing(demand: "psl", deadline: .days(3), to: nil))]),
        Fx.rule("missed", .deadline(.missed, demand: nil), do: [ActionSpec(.publish(template: "silence"))]),
        Fx.rule("answered", .deadline(.answered, demand: "psl")),
        Fx.rule("rate", .threshold(Threshold(measure: .indicator("rate"), comparison: .above(8), hold: .hours(12)))),
    ])
    private let end = Fx.t("2027-02-15T00:00Z")

    /// Entries every 5 hours over 40 days, an indicator sample a day, and a response to every
    /// third deadline.
    private func facts() -> (entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response]) {
        let start = Fx.t("2027-01-01T03:00Z")
        let entries = (0..<190).map { i in
            LedgerEntry(at: start + TimeSpan(seconds: Int64(i) * 5 * 3600), kind: "masks", quantity: Quantity(Int64(i * 7 % 5 + 1)))
        }
        let indicators = (0..<40).map { d in
            IndicatorSample(at: start + TimeSpan(seconds: Int64(d) * 86_400 + 7200), name: "rate", value: Double(d * 3 % 11))
        }
        let responses = stride(from: 1, to: 20, by: 3).map { n in
            Response(at: start + TimeSpan(seconds: Int64(n) * 2 * 86_400 + 3600), deadline: n, text: "answer \(n)")
        }
        return (entries, indicators, responses)
    }

    private func plainRun(_ f: (entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response])) throws -> [Occurrence] {
        var engine = Engine(campaign: campaign)
        var out: [Occurrence] = []
        for fact in FactOrder.ordered(entries: f.entries, indicators: f.indicators, responses: f.responses) {
            try engine.record(fact, into: &out)
        }
        engine.advance(through: end, into: &out)
        return out
    }

    /// Feeds facts (in `FactOrder`) keeping checkpoints, with the count of actions decided so
    /// far as their extra state, and advances through `end`.
    private func feed(_ facts: [Fact], _ engine: inout Engine, _ checkpoints: inout EngineCheckpoints<Int>, _ out: inout [Occurrence]) throws {
        for fact in facts {
            if let b = checkpoints.advance(&engine, toCheckpointBefore: fact.at, into: &out) { checkpoints.keep(engine, at: b, extra: out.count) }
            try engine.record(fact, into: &out)
        }
        if let b = checkpoints.advance(&engine, toCheckpointBefore: end, into: &out) { checkpoints.keep(engine, at: b, extra: out.count) }
        engine.advance(through: end, into: &out)
    }

    func testTakingCheckpointsChangesNoDecision() throws {
        let f = facts()
        let expected = try plainRun(f)
        var engine = Engine(campaign: campaign)
        var checkpoints = EngineCheckpoints<Int>()
        var out: [Occurrence] = []
        try feed(FactOrder.ordered(entries: f.entries, indicators: f.indicators, responses: f.responses), &engine, &checkpoints, &out)
        XCTAssertEqual(out, expected)
        XCTAssertGreaterThan(expected.count, 40)
        XCTAssertTrue(Set(expected.map(\.rule)).isSuperset(of: ["every-5", "surge", "brief", "missed", "answered", "rate"]), "\(Set(expected.map(\.rule)))")
        // Facts through 02-09, judged through 02-15: a checkpoint at the end of each day before
        // a day with facts (02-01 to 02-08) and of 02-14, then the last of each week.
        XCTAssertEqual(checkpoints.all.last?.at, Fx.t("2027-02-14T23:59:59Z"))
        let days = checkpoints.all.map { $0.at.seconds / 86_400 }
        let daily = days.filter { days.last! - $0 < 14 }
        XCTAssertEqual(daily.count, 9, "\(checkpoints.all.map(\.at))")
        XCTAssertEqual(Set(days.dropLast(9).map { $0 / 7 }).count, days.count - 9, "one a week further back")
    }

    func testLateFactsReplayedFromTheCheckpointBeforeThemDecideWhatAWholeReplayDecides() throws {
        let f = facts()
        // Late: an entry, a response and an indicator sample, dated days after the earliest.
        let lateEntries = [LedgerEntry(at: Fx.t("2027-02-05T04:30Z"), kind: "masks", quantity: Quantity(9)),
                           LedgerEntry(at: Fx.t("2027-02-07T10:00Z"), kind: "masks", quantity: Quantity(2))]
        let lateIndicators = [IndicatorSample(at: Fx.t("2027-02-06T01:00Z"), name: "rate", value: 12)]
        let lateResponses = [Response(at: Fx.t("2027-02-06T12:00Z"), deadline: 20, text: "late answer")]
        let expected = try plainRun((f.entries + lateEntries, f.indicators + lateIndicators, f.responses + lateResponses))

        var engine = Engine(campaign: campaign)
        var checkpoints = EngineCheckpoints<Int>()
        var out: [Occurrence] = []
        try feed(FactOrder.ordered(entries: f.entries, indicators: f.indicators, responses: f.responses), &engine, &checkpoints, &out)
        XCTAssertNotEqual(out, expected, "the late facts change what is decided")

        let earliest = Fx.t("2027-02-05T04:30Z")
        let restored = try XCTUnwrap(checkpoints.latest(before: earliest))
        XCTAssertEqual(restored.at, Fx.t("2027-02-04T23:59:59Z"))
        checkpoints.discard(from: earliest)
        XCTAssertEqual(checkpoints.all.last?.at, restored.at)
        engine = restored.engine
        out.removeSubrange(restored.extra...)
        let after = { (at: Instant) in at > restored.at }
        let replay = FactOrder.ordered(entries: (f.entries + lateEntries).filter { after($0.at) },
                                       indicators: (f.indicators + lateIndicators).filter { after($0.at) },
                                       responses: (f.responses + lateResponses).filter { after($0.at) })
        XCTAssertLessThan(replay.count, 40, "only what came after the checkpoint is replayed")
        try feed(replay, &engine, &checkpoints, &out)
        XCTAssertEqual(out, expected)
    }

    func testOnePerDayRecentlyThenPerWeekThenPer28DaysBounded() {
        var policy = EngineCheckpoints<Int>.Policy()
        policy.limit = 20
        var checkpoints = EngineCheckpoints<Int>(policy: policy)
        let engine = Engine(campaign: campaign)
        let first = Fx.t("2027-01-01T00:00Z").seconds / 86_400
        for d in 0..<300 { checkpoints.keep(engine, at: Instant(seconds: (first + Int64(d)) * 86_400 - 1), extra: d) }
        let days = checkpoints.all.map(\.extra)
        XCTAssertEqual(days.count, 20)
        XCTAssertEqual(Array(days.suffix(14)), Array(286..<300))
        let weekly = days.dropLast(14)
        XCTAssertEqual(weekly.count, 6, "the limit keeps the newest")
        // The newest of each 7-day week (weeks counted from 1970), one per week.
        let weeks = weekly.map { (first + Int64($0) - 1) / 7 }
        XCTAssertEqual(weeks, Array(weeks[0]..<(weeks[0] + 6)), "\(days)")
        for d in weekly.dropLast() { XCTAssertEqual((first + Int64(d)) % 7, 0, "the last day of its week: \(days)") }
        XCTAssertEqual(checkpoints.latest(before: Instant(seconds: (first + 290) * 86_400 - 1))?.extra, 289)
        XCTAssertNil(checkpoints.latest(before: checkpoints.all[0].at))
    }

    func testNoCheckpointIsDueInsideADayOrPastWhatTheEngineRecorded() throws {
        var checkpoints = EngineCheckpoints<Int>()
        var engine = Engine(campaign: campaign)
        var out: [Occurrence] = []
        XCTAssertEqual(checkpoints.due(before: Fx.t("2027-01-02T05:00Z"), engine: engine), Fx.t("2027-01-01T23:59:59Z"))
        let b = try XCTUnwrap(checkpoints.advance(&engine, toCheckpointBefore: Fx.t("2027-01-02T05:00Z"), into: &out))
        checkpoints.keep(engine, at: b, extra: 0)
        XCTAssertNil(checkpoints.due(before: Fx.t("2027-01-02T23:00Z"), engine: engine), "the day is checkpointed")
        try engine.record(.entry(Fx.entry("2027-01-05T10:00Z")), into: &out)
        XCTAssertNil(checkpoints.due(before: Fx.t("2027-01-05T11:00Z"), engine: engine), "the engine has recorded past the day's start")
        XCTAssertEqual(checkpoints.due(before: Fx.t("2027-01-06T11:00Z"), engine: engine), Fx.t("2027-01-05T23:59:59Z"))
    }
}
