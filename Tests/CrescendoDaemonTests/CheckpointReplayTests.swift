import CrescendoCore
@testable import CrescendoDaemon
import CrescendoPublish
import CrescendoStore
import XCTest

/// Late facts (entries, responses, indicator samples dated before what is judged) replayed
/// from the engine's checkpoints: the daemon still decides exactly what `simulate` decides,
/// records each action once, and replays only what came after the checkpoint.
final class CheckpointReplayTests: XCTestCase {
    /// The fixture's campaign (its metrics, demand, indicator and channels) with these rules.
    static let campaign = DaemonFixture.campaignText.components(separatedBy: "rules:")[0] + """
        rules:
          - id: every-3
            when: { every: 3 }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "three more" } } ]
          - id: surge
            when: { sum: masks, over: 2d, above: 5 }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "a surge" } } ]
          - id: brief
            when: { every: 4 }
            on_missed: fire_all
            do: [ { briefing: { demand: psl, deadline: 2d } } ]
          - id: silence
            when: { deadline: missed }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "no answer" } } ]
          - id: answered
            when: { deadline: answered }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "an answer" } } ]
          - id: rate
            when: { indicator: rate, above: 8, for: 12h }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "rate high" } } ]
          - id: daily
            when: { schedule: { every: day, at: "09:00" } }
            on_missed: fire_all
            do: [ { notify: { channel: log, text: "good morning" } } ]
        """

    /// What `simulate` decides from every fact in the store, judged through `until`.
    private func simulate(_ fx: DaemonFixture, until: Instant) async throws -> [Occurrence] {
        let facts = try await fx.store.facts(after: FactCursor())
        let campaign = fx.registry.primary.campaign
        var it = FactOrder.byTime(facts.entries, at: \.at).makeIterator()
        let sim = try Simulation.run(campaign: campaign, openLedger: { { it.next() } }, indicators: facts.indicators, responses: facts.responses,
                                     options: Engine.Options(until: until, renderer: CampaignTemplates(campaign.templates)))
        return sim.occurrences.filter { $0.at >= campaign.start }
    }

    /// The ids `simulate` gives its actions (as the daemon numbers them).
    private func ids(_ occurrences: [Occurrence]) -> [String] {
        var ids = OccurrenceIDs()
        return occurrences.map { "fixture/" + ids.id(for: $0) }
    }

    /// Twelve days of entries and samples, with steps between; on day 6 an entry, a response
    /// and a sample dated three days back, on day 9 an entry older than every checkpoint. After
    /// every step the daemon has recorded exactly what `simulate` decided from the facts then
    /// recorded (a backfill moves no action already recorded: it cannot be unsent, it stays),
    /// each action once.
    func testBackfilledEntriesResponsesAndSamplesReplayFromACheckpointAndMatchSimulate() async throws {
        let fx = try DaemonFixture(campaign: Self.campaign)
        let s = fx.scheduler()
        var decided: [String] = []
        func step() async throws {
            try await s.step()
            let expected = ids(try await simulate(fx, until: fx.clock.now()))
            for id in expected where !decided.contains(id) { decided.append(id) }
            let actual = try fx.store.actions(since: nil, limit: 10_000).map(\.id)
            XCTAssertEqual(actual.count, Set(actual).count, "no action twice")
            XCTAssertEqual(Set(actual), Set(decided), "at \(fx.clock.now())")
        }
        try await step()
        let day = Int64(86_400)
        let first = DaemonFixture.t("2026-03-01T10:00:00Z")
        for d in 0..<12 {
            for h in [0, 3, 7] {
                let at = first + TimeSpan(seconds: Int64(d) * day + Int64(h) * 3600)
                fx.clock.set(at)
                _ = try await fx.store.appendBatches([[LedgerEntry(at: at, kind: "masks", quantity: Quantity(Int64(1 + (d + h) % 3)))]],
                                                     recordedAt: at)
                try await step()
            }
            fx.clock.set(fx.clock.now() + TimeSpan(seconds: 60))
            try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: fx.clock.now(), name: "rate", value: Double(d * 5 % 13))],
                                               responses: [], recordedAt: fx.clock.now())
            if d == 6 {
                // Three days back: an entry, a response to the deadline then open, a sample.
                let back = fx.clock.now() - TimeSpan(seconds: 3 * day)
                let open = try await simulate(fx, until: fx.clock.now())
                    .last { $0.rule == "brief" && $0.at < back && ($0.due ?? .distantPast) > back + TimeSpan(seconds: 120) }
                let deadline = try XCTUnwrap(open?.deadline)
                _ = try await fx.store.appendBatches([[LedgerEntry(at: back, kind: "masks", quantity: Quantity(4))]], recordedAt: fx.clock.now())
                try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: back + TimeSpan(seconds: 60), name: "rate", value: 11)],
                                                   responses: [Response(at: back + TimeSpan(seconds: 120), deadline: deadline, text: "We will")],
                                                   recordedAt: fx.clock.now())
            }
            if d == 9 {
                // Before every fact and checkpoint: the whole ledger is replayed.
                _ = try await fx.store.appendBatches([[LedgerEntry(at: DaemonFixture.t("2026-02-20T12:00:00Z"), kind: "masks")]],
                                                     recordedAt: fx.clock.now())
            }
            try await step()
        }
        fx.clock.set(DaemonFixture.t("2026-03-15T00:00:00Z"))
        try await step()

        let (builds, rewinds, replayed) = (await s.builds, await s.rewinds, await s.replayed)
        XCTAssertEqual(builds, ["fixture": 2], "the start, and the backfill older than every checkpoint")
        XCTAssertEqual(rewinds, ["fixture": 1])
        let facts = try await fx.store.facts(after: FactCursor())
        let total = facts.entries.count + facts.indicators.count + facts.responses.count
        XCTAssertLessThan(replayed["fixture"] ?? 0, total + 20, "three days and a whole ledger, not two whole ledgers")
        let rules = Set(try await simulate(fx, until: fx.clock.now()).map(\.rule))
        XCTAssertTrue(rules.isSuperset(of: ["every-3", "surge", "brief", "silence", "answered", "rate", "daily"]), "\(rules)")
        XCTAssertTrue(try fx.store.actions(since: nil, limit: 10_000).contains { $0.late }, "the backfills decided missed actions")
    }

    func testTheRuntimeKeepsABoundedNumberOfCheckpoints() async throws {
        let fx = try DaemonFixture(campaign: Self.campaign)
        let s = fx.scheduler()
        let first = DaemonFixture.t("2026-03-01T10:00:00Z")
        let entries = (0..<400).map { LedgerEntry(at: first + TimeSpan(seconds: Int64($0) * 86_400), kind: "masks") }
        _ = try await fx.store.appendBatches([entries], recordedAt: fx.clock.now())
        fx.clock.set(first + TimeSpan(seconds: 400 * 86_400))
        try await s.step()
        let kept = await s.checkpointInstants(campaign: "fixture")
        XCTAssertEqual(kept.count, EngineCheckpoints<Int>.Policy().limit)
        XCTAssertEqual(kept.last, DaemonFixture.t("2027-04-04T23:59:59Z"))
        let days = kept.map { $0.seconds / 86_400 }
        XCTAssertEqual(Array(days.suffix(14)), Array((days.last! - 13)...days.last!), "one a day for the last two weeks")
    }
}
