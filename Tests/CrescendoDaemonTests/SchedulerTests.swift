import CrescendoCore
@testable import CrescendoDaemon
import CrescendoPublish
import CrescendoStore
import CrescendoTestSupport
import XCTest

final class SchedulerTests: XCTestCase {
    func testEachActionIsRecordedOnceAcrossStepsAndRestarts() async throws {
        let fx = try DaemonFixture()
        let s = fx.scheduler()
        try await s.step()
        try await fx.post(["2026-03-01T08:00:00Z", "2026-03-01T08:00:01Z", "2026-03-01T08:00:02Z"])
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:03Z"))
        let first = try await s.step()
        XCTAssertEqual(first.map(\.rule), ["every-3"])
        XCTAssertEqual(first.first?.id, "fixture/\(DaemonFixture.t("2026-03-01T08:00:02Z").seconds)-every-3-notify-1")
        XCTAssertEqual(first.first?.state, .pending)
        let again = try await s.step()
        XCTAssertTrue(again.isEmpty)
        // A restart replays the same facts and finds nothing new.
        let restarted = try await fx.scheduler().step()
        XCTAssertTrue(restarted.isEmpty)
        XCTAssertEqual(try fx.store.actions(since: nil, limit: 100).filter { $0.rule == "every-3" }.count, 1)
    }

    func testEntriesTheDaemonStampsComeAfterWhatIsJudged() async throws {
        let fx = try DaemonFixture()
        let ingest = IngestQueue(store: fx.store, clock: fx.clock)
        let s = Scheduler(store: fx.store, registry: fx.registry, clock: fx.clock, logger: fx.logger, ingest: ingest)
        let masks = LedgerEntry(at: fx.clock.now(), kind: "masks")
        _ = try await ingest.append([masks, masks], stampNow: [true, true])
        // The scheduler judges through the current second at once.
        try await s.step()
        // A third entry posted in the same second takes the next one: no replay, nothing late.
        let third = try await ingest.append([masks], stampNow: [true])
        XCTAssertEqual(third.first?.entry.at, DaemonFixture.t("2026-03-01T08:00:01Z"))
        let early = try await s.step()
        XCTAssertEqual(early.map(\.rule), [], "08:00:01 is not judged before it comes")
        fx.clock.advance(by: TimeSpan(seconds: 1))
        let recorded = try await s.step()
        XCTAssertEqual(recorded.map(\.rule), ["every-3"])
        XCTAssertEqual(recorded.first?.dueAt, DaemonFixture.t("2026-03-01T08:00:01Z"))
        XCTAssertEqual(recorded.first?.late, false)
    }

    func testFireOnceAfterDowntimeSendsTheLatestMissedFiringLate() async throws {
        let fx = try DaemonFixture(onMissed: "fire_once")
        try await fx.scheduler().step()
        // Down from 08:00 on the 1st to noon on the 4th: four 09:00 firings fell due.
        fx.clock.set(DaemonFixture.t("2026-03-04T12:00:00Z"))
        let recorded = try await fx.scheduler().step()
        let daily = recorded.filter { $0.rule == "daily" }
        XCTAssertEqual(daily.map(\.state), [.skipped, .skipped, .skipped, .pending])
        XCTAssertEqual(daily.map(\.late), [true, true, true, true])
        XCTAssertTrue(daily[3].payload.contains("\"late\":true"))
        XCTAssertEqual(daily[3].dueAt, DaemonFixture.t("2026-03-04T09:00:00Z"))
    }

    func testFireAllAndSkip() async throws {
        for (policy, expected) in [("fire_all", [ActionRecord.State.pending, .pending, .pending, .pending]), ("skip", [.skipped, .skipped, .skipped, .skipped])] {
            let fx = try DaemonFixture(onMissed: policy)
            try await fx.scheduler().step()
            fx.clock.set(DaemonFixture.t("2026-03-04T12:00:00Z"))
            let daily = try await fx.scheduler().step().filter { $0.rule == "daily" }
            XCTAssertEqual(daily.map(\.state), expected, policy)
        }
    }

    func testWhileRunningNothingIsLate() async throws {
        let fx = try DaemonFixture()
        let s = fx.scheduler()
        try await s.step()
        var recorded: [ActionRecord] = []
        for _ in 0..<(26 * 6) {
            fx.clock.advance(by: TimeSpan(seconds: 600))
            recorded += try await s.step()
        }
        XCTAssertEqual(recorded.map(\.rule), ["daily", "daily"])
        XCTAssertEqual(recorded.map(\.late), [false, false])
        XCTAssertEqual(recorded.map(\.state), [.pending, .pending])
    }

    func testBackfilledEntryReplaysTheLedgerAndRecordsOnlyNewActions() async throws {
        let fx = try DaemonFixture(onMissed: "fire_all")
        let s = fx.scheduler()
        try await fx.post(["2026-03-01T08:00:00Z", "2026-03-01T08:00:05Z"])
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:10Z"))
        try await s.step()
        // Backfilled to before the watermark: the third entry is now at 08:00:03.
        try await fx.post(["2026-03-01T08:00:03Z"])
        let recorded = try await s.step()
        XCTAssertEqual(recorded.map(\.rule), ["every-3"])
        XCTAssertEqual(recorded.first?.dueAt, DaemonFixture.t("2026-03-01T08:00:05Z"))
        XCTAssertEqual(recorded.first?.late, true)
    }

    func testTheDaemonDecidesWhatSimulateDecides() async throws {
        let fx = try DaemonFixture(onMissed: "fire_all")
        let s = fx.scheduler()
        var times: [String] = []
        for i in 0..<40 { times.append("2026-03-0\(1 + i / 20)T\(10 + i % 10):\(10 + i % 20):00Z") }
        var recorded: [ActionRecord] = []
        try await s.step()
        for (i, t) in times.sorted().enumerated() {
            let at = DaemonFixture.t(t)
            if at > fx.clock.now() { fx.clock.set(at) }
            try await fx.post([t])
            if i % 7 == 0 { recorded += try await s.step() }
        }
        fx.clock.set(DaemonFixture.t("2026-03-05T00:00:00Z"))
        recorded += try await s.step()
        let campaign = fx.registry.primary.campaign
        var entries: [LedgerEntry] = []
        try await fx.store.forEachEntry { entries.append($0.entry) }
        var it = entries.makeIterator()
        let sim = try Simulation.run(campaign: campaign, openLedger: { { it.next() } }, indicators: [], responses: [],
                                     options: Engine.Options(until: DaemonFixture.t("2026-03-04T23:59:59Z"),
                                                             renderer: CampaignTemplates(campaign.templates)))
        let expected = sim.occurrences.filter { $0.at >= campaign.start }.map { "\($0.at.seconds) \($0.rule) \($0.action)" }
        let actual = try fx.store.actions(since: nil, limit: 1000).map { "\($0.dueAt.seconds) \($0.rule) \($0.action)" }
        XCTAssertEqual(actual, expected)
        XCTAssertGreaterThan(expected.count, 15)
    }

    func testPendingTimersArePersisted() async throws {
        let fx = try DaemonFixture()
        try await fx.scheduler().step()
        let timers = try fx.store.timers(campaign: "fixture")
        XCTAssertEqual(timers.first?.timer.kind, "schedule")
        XCTAssertEqual(timers.first?.timer.rule, "daily")
        XCTAssertEqual(timers.first?.timer.at, DaemonFixture.t("2026-03-01T09:00:00Z"))
    }
}
