import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// The scheduler and dispatcher services as the daemon runs them, on a clock moved by hand:
/// every wait is on the clock, so nothing here waits in real time for them.
final class ServiceTests: XCTestCase {
    /// Runs both services over the fixture until `body` returns, then stops them.
    private func withServices(_ fx: DaemonFixture, retry: RetryPolicy = RetryPolicy(),
                              _ body: (Dispatcher, Scheduler) async throws -> Void) async throws {
        let dispatcher = fx.dispatcher(retry: retry)
        let scheduler = fx.scheduler(dispatcher: dispatcher)
        let (clock, logger) = (fx.clock, fx.logger)
        let services = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { try? await SchedulerService(scheduler: scheduler, clock: clock, health: StoreHealth(), logger: logger).run() }
                group.addTask { try? await DispatcherService(dispatcher: dispatcher, health: StoreHealth(), logger: logger).run() }
            }
        }
        do { try await body(dispatcher, scheduler) } catch { services.cancel(); throw error }
        services.cancel()
        await services.value
    }

    private func t(_ s: String) -> Instant { DaemonFixture.t(s) }

    /// The campaign's first morning, before its first daily firing: nothing to catch up on.
    private static let firstMorning = "2026-01-01T08:00:00Z"

    func testAnActionIsDeliveredInTheSecondItFallsDue() async throws {
        let fx = try DaemonFixture(start: Self.firstMorning)
        try await withServices(fx) { dispatcher, _ in
            // Both services start, do their first round, and sleep until the next second.
            await fx.clock.waitForSleepers(2, until: t("2026-01-01T08:00:01Z"))
            try await fx.post(["2026-01-01T08:00:01Z", "2026-01-01T08:00:01Z", "2026-01-01T08:00:01Z"])
            // Nothing is judged before its second comes.
            XCTAssertEqual(try fx.store.actions(since: nil, limit: 10).count, 0)
            fx.clock.advance(by: TimeSpan(seconds: 1))
            // The scheduler judges 08:00:01 and wakes the dispatcher, which delivers at once:
            // the clock does not move again.
            await dispatcher.waitForAttempts(1)
            let rows = try fx.store.actions(since: nil, limit: 10)
            XCTAssertEqual(rows.map(\.rule), ["every-3"])
            XCTAssertEqual(rows.map(\.state), [.delivered])
            XCTAssertEqual(rows.first?.deliveredAt, t("2026-01-01T08:00:01Z"))
            XCTAssertEqual(fx.fileLines().count, 1)
            XCTAssertTrue(fx.fileLines()[0].hasPrefix(#"{"id":"fixture/\#(t("2026-01-01T08:00:01Z").seconds)-every-3-notify-1""#))
            await fx.clock.waitForSleepers(2, until: t("2026-01-01T08:00:02Z"))
        }
    }

    /// A write through the API wakes the scheduler: a backfill (dated before what is judged)
    /// is judged, and its action delivered, without the clock reaching the next second.
    func testAPostedBackfillIsJudgedAtOnceNotAtTheNextSecond() async throws {
        let fx = try DaemonFixture(start: Self.firstMorning)
        try await withServices(fx) { _, scheduler in
            await fx.clock.waitForSleepers(2, until: t("2026-01-01T08:00:01Z"))
            let app = Application(router: fx.api(scheduler: scheduler).router())
            try await app.test(.router) { client in
                let one = #"{"kind":"masks","at":"2026-01-01T07:00:00Z"}"#
                let (status, _) = try await post(client, "/api/entries", "[\(one),\(one),\(one)]")
                XCTAssertEqual(status, .created)
            }
            // Polled for at most 10 s of real time: without the wake, nothing moves the clock.
            var rows: [ActionRecord] = []
            let deadline = ContinuousClock.now + .seconds(10)
            while rows.first?.state != .delivered, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
                rows = try fx.store.actions(since: nil, limit: 10)
            }
            XCTAssertEqual(rows.map(\.state), [.delivered], "the write did not wake the scheduler")
            XCTAssertEqual(rows.map(\.rule), ["every-3"])
            XCTAssertEqual(rows.map(\.dueAt), [t("2026-01-01T07:00:00Z")])
            XCTAssertEqual(rows.map(\.late), [true], "due before what was judged when it arrived")
            XCTAssertEqual(fx.clock.now(), t(Self.firstMorning), "the clock never moved")
            await fx.clock.waitForSleepers(2, until: t("2026-01-01T08:00:01Z"))
        }
    }

    func testAFailedDeliveryIsRetriedWhenTheClockReachesItsRetryTime() async throws {
        let fx = try DaemonFixture(start: Self.firstMorning)
        let start = fx.clock.now()
        try await fx.store.commit(DaemonStep(campaign: "fixture", judgedThrough: start, aliveAt: start, actions: [
            ActionRecord(id: "fixture/1-r-notify-1", campaign: "fixture", rule: "r", action: "notify", dueAt: start,
                         payload: "{}", state: .pending, late: false, decidedAt: start, channels: ["refuses"]),
        ], timers: nil))
        func attempts() throws -> [Int] { try fx.store.deadLetters(limit: 10).map(\.attempts) }
        // The channel's command exits 1: every attempt fails at once.
        try await withServices(fx, retry: RetryPolicy(maxAttempts: 3, base: TimeSpan(seconds: 5))) { dispatcher, _ in
            await dispatcher.waitForAttempts(1)
            // The retry is due at start + 5 s; four seconds later both services sleep until then.
            fx.clock.advance(by: TimeSpan(seconds: 4))
            await fx.clock.waitForSleepers(2, until: start + TimeSpan(seconds: 5))
            XCTAssertEqual(try fx.store.actionCounts()[.pending], 1)
            fx.clock.advance(by: TimeSpan(seconds: 1))
            await dispatcher.waitForAttempts(2)
            XCTAssertEqual(try fx.store.actionCounts()[.pending], 1)
            // The third and last attempt, 10 s after the second, makes it a dead letter.
            fx.clock.advance(by: TimeSpan(seconds: 10))
            await dispatcher.waitForAttempts(3)
            XCTAssertEqual(try attempts(), [3])
            XCTAssertEqual(try fx.store.actionCounts()[.dead], 1)
        }
    }

    /// At a start the scheduler's first step waits for `ready` (the public site's first build
    /// in the daemon), so that the two whole reads of the ledger do not share the cores; a
    /// `ready` that never comes holds it back for `readyWaitSeconds` only.
    func testTheFirstStepWaitsForReadyAndNoLongerThanItsBound() async throws {
        let fx = try DaemonFixture(start: Self.firstMorning)
        let scheduler = fx.scheduler()
        let (clock, logger) = (fx.clock, fx.logger)
        let gate = ReadyGate()
        let waiting = Task {
            try? await SchedulerService(scheduler: scheduler, clock: clock, health: StoreHealth(), logger: logger,
                                        ready: { await gate.isOpen }, readyWaitSeconds: 60).run()
        }
        try await Task.sleep(for: .milliseconds(300))
        var builds = await scheduler.builds["fixture"]
        XCTAssertNil(builds, "no step before ready")
        await gate.open()
        await fx.clock.waitForSleepers(1, until: t("2026-01-01T08:00:01Z"))
        builds = await scheduler.builds["fixture"]
        XCTAssertEqual(builds, 1, "the first step ran once ready")
        waiting.cancel()
        await waiting.value

        let other = try DaemonFixture(start: Self.firstMorning)
        let second = other.scheduler()
        let bounded = Task {
            try? await SchedulerService(scheduler: second, clock: other.clock, health: StoreHealth(), logger: logger,
                                        ready: { false }, readyWaitSeconds: 0.2).run()
        }
        await other.clock.waitForSleepers(1, until: t("2026-01-01T08:00:01Z"))
        builds = await second.builds["fixture"]
        XCTAssertEqual(builds, 1, "a ready that never comes delays the first step by its bound only")
        bounded.cancel()
        await bounded.value
    }
}

/// A flag a test opens by hand.
private actor ReadyGate {
    private(set) var isOpen = false
    func open() { isOpen = true }
}
