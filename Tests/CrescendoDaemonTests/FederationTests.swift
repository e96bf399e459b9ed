import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Synchronization
import XCTest

/// Several daemons on one ledger (docs/federation.md): only the lease holder judges a
/// campaign, a stale holder writes nothing, a new holder catches up without deciding anything
/// twice, and deliveries are claimed so that two dispatchers never send one twice.
final class FederationTests: XCTestCase {
    private func daemon(_ fx: DaemonFixture, _ owner: String, options: FederationOptions = FederationOptions())
        -> (book: LeaseBook, leases: LeaseService, scheduler: Scheduler) {
        let book = LeaseBook(owner: owner, options: options)
        return (book, LeaseService(store: fx.store, registry: fx.registry, book: book, logger: fx.logger),
                Scheduler(store: fx.store, registry: fx.registry, clock: fx.clock, logger: fx.logger, leases: book))
    }

    private func every3(_ fx: DaemonFixture) throws -> [ActionRecord] {
        try fx.store.actions(since: nil, limit: 100).filter { $0.rule == "every-3" }
    }

    /// Taking a campaign this daemon did not hold calls `onTakeover` (the daemon wakes its
    /// scheduler with it, so a new holder's catch-up starts at once); a renewal does not.
    func testATakeoverIsAnnouncedOnceARenewalIsNot() async throws {
        let fx = try DaemonFixture()
        var a = daemon(fx, "a"), b = daemon(fx, "b")
        let taken = (a: Tally(), b: Tally())
        a.leases.onTakeover = { taken.a.add() }
        b.leases.onTakeover = { taken.b.add() }
        await a.leases.refresh(["fixture"])
        await a.leases.refresh(["fixture"])
        XCTAssertEqual(taken.a.count, 1, "taken once, then renewed")
        // On SQLite a new owner takes the lease at once (its previous owner can only be gone).
        await b.leases.refresh(["fixture"])
        await b.leases.refresh(["fixture"])
        XCTAssertEqual(b.book.epoch(of: "fixture"), 2)
        XCTAssertEqual(taken.b.count, 1, "taken once, then renewed")
        await a.leases.refresh(["fixture"])
        XCTAssertEqual(a.book.epoch(of: "fixture"), 3)
        XCTAssertEqual(taken.a.count, 2, "taken back: a takeover again")
    }

    func testOnlyTheHolderJudgesAndAStaleHolderWritesNothing() async throws {
        let fx = try DaemonFixture()
        let a = daemon(fx, "a"), b = daemon(fx, "b")
        await a.leases.refresh(["fixture"])
        XCTAssertEqual(a.book.epoch(of: "fixture"), 1)
        XCTAssertNil(b.book.epoch(of: "fixture"))
        try await a.scheduler.step()
        let none = try await b.scheduler.step()
        XCTAssertEqual(none.count, 0)
        XCTAssertEqual(try fx.store.watermark(campaign: "fixture")?.judgedThrough, fx.clock.now())

        try await fx.post(["2026-03-01T08:00:00Z", "2026-03-01T08:00:01Z", "2026-03-01T08:00:02Z"])
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:03Z"))
        // b takes the campaign over (on SQLite at once); a still trusts its old epoch.
        await b.leases.refresh(["fixture"])
        XCTAssertEqual(b.book.epoch(of: "fixture"), 2)
        let stale = try await a.scheduler.step()
        XCTAssertEqual(stale.count, 0, "a stale holder's step writes nothing")
        XCTAssertEqual(try every3(fx).count, 0)
        XCTAssertNil(a.book.epoch(of: "fixture"), "a refused commit drops the lease")
        XCTAssertEqual(try fx.store.watermark(campaign: "fixture")?.judgedThrough, DaemonFixture.t("2026-03-01T08:00:00Z"))

        let taken = try await b.scheduler.step()
        XCTAssertEqual(taken.map(\.rule), ["every-3"])
        // a takes it back: it catches up from the watermark and finds nothing new.
        await a.leases.refresh(["fixture"])
        XCTAssertEqual(a.book.epoch(of: "fixture"), 3)
        let back = try await a.scheduler.step()
        XCTAssertEqual(back.count, 0)
        let refused = try await b.scheduler.step()
        XCTAssertEqual(refused.count, 0)
        XCTAssertNil(b.book.epoch(of: "fixture"))
        XCTAssertEqual(try every3(fx).count, 1)
    }

    /// A holder trusts its lease only until its renewal's start plus the TTL minus the margin.
    func testALeaseNotRenewedIsNoLongerTrusted() async throws {
        let fx = try DaemonFixture()
        let a = daemon(fx, "a", options: FederationOptions(leaseTTL: 0.4, renewEvery: 0.1, margin: 0.2))
        await a.leases.refresh(["fixture"])
        XCTAssertEqual(a.book.epoch(of: "fixture"), 1)
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertNil(a.book.epoch(of: "fixture"))
        let skipped = try await a.scheduler.step()
        XCTAssertEqual(skipped.count, 0)
        XCTAssertNil(try fx.store.watermark(campaign: "fixture"), "no lease trusted, nothing judged")
    }

    /// A campaign whose lease lapsed (as when the database is lost and nothing can be renewed)
    /// is no longer in the status of what this daemon judges, but is kept as last judged for
    /// `/api/status` while the database is lost, until the daemon judges it again.
    func testALapsedLeaseKeepsTheCampaignAsLastJudged() async throws {
        let fx = try DaemonFixture()
        let a = daemon(fx, "a", options: FederationOptions(leaseTTL: 0.4, renewEvery: 0.1, margin: 0.2))
        await a.leases.refresh(["fixture"])
        try await a.scheduler.step()
        let judged = await a.scheduler.status()
        XCTAssertEqual(judged.map(\.campaign), ["fixture"])
        try await Task.sleep(for: .milliseconds(300))
        try await a.scheduler.step()
        let now = await a.scheduler.status()
        XCTAssertEqual(now.map(\.campaign), [], "not judged any more")
        let last = await a.scheduler.status(asLastJudged: true)
        XCTAssertEqual(last.map(\.campaign), ["fixture"])
        XCTAssertEqual(last.first?.judgedThrough, judged.first?.judgedThrough)
        await a.leases.refresh(["fixture"])
        try await a.scheduler.step()
        let again = await a.scheduler.status()
        XCTAssertEqual(again.map(\.campaign), ["fixture"], "judged again once the lease is back")
    }

    /// With a settle window the scheduler judges that far behind now.
    func testTheSettleWindowJudgesBehindNow() async throws {
        let fx = try DaemonFixture()
        let s = Scheduler(store: fx.store, registry: fx.registry, clock: fx.clock, logger: fx.logger, settleSeconds: 2)
        try await s.step()
        try await fx.post(["2026-03-01T08:00:00Z", "2026-03-01T08:00:01Z", "2026-03-01T08:00:02Z"])
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:03Z"))
        let early = try await s.step()
        XCTAssertEqual(early.count, 0, "08:00:02 is judged at 08:00:04")
        XCTAssertEqual(try fx.store.watermark(campaign: "fixture")?.judgedThrough, DaemonFixture.t("2026-03-01T08:00:01Z"))
        fx.clock.advance(by: TimeSpan(seconds: 1))
        let judged = try await s.step()
        XCTAssertEqual(judged.map(\.rule), ["every-3"])
    }

    /// Two dispatchers draining at once (two daemons) deliver each action once, under its claim.
    func testTwoDispatchersDeliverEachActionOnce() async throws {
        let fx = try DaemonFixture()
        let s = fx.scheduler()
        try await s.step()
        try await fx.post((0..<30).map { "2026-03-01T08:00:\(String(format: "%02d", $0))Z" })
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:31Z"))
        let decided = try await s.step()
        XCTAssertEqual(decided.filter { $0.state == .pending }.count, 10)
        let before = try fx.store.actionCounts()[.delivered] ?? 0
        let one = Dispatcher(store: fx.store, registry: fx.registry, clock: fx.clock, logger: fx.logger, concurrency: 3,
                             leases: LeaseBook(owner: "a", options: FederationOptions()))
        let two = Dispatcher(store: fx.store, registry: fx.registry, clock: fx.clock, logger: fx.logger, concurrency: 3,
                             leases: LeaseBook(owner: "b", options: FederationOptions()))
        for _ in 0..<10 {
            async let x: Void = one.drain()
            async let y: Void = two.drain()
            _ = try await (x, y)
        }
        let ids = fx.fileLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.compactMap { $0["id"] as? String }
        let pending = decided.filter { $0.state == .pending }.map(\.id)
        XCTAssertEqual(ids.filter(Set(pending).contains).count, 10)
        XCTAssertEqual(ids.count, Set(ids).count, "an action was delivered twice")
        XCTAssertEqual(try fx.store.actionCounts()[.delivered], before + ids.count, "every delivery recorded once")
        XCTAssertEqual(try fx.store.actionCounts()[.pending], nil)
    }
}

/// A count that closures on any thread can add to.
private final class Tally: Sendable {
    private let n = Mutex(0)
    func add() { n.withLock { $0 += 1 } }
    var count: Int { n.withLock { $0 } }
}
