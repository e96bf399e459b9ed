import CrescendoCore
import CrescendoStore
import XCTest

/// Campaign leases and their fencing epoch, and delivery claims, on every store: what several
/// daemons sharing a ledger rely on (docs/federation.md).
final class LeaseConformanceTests: XCTestCase {
    private func step(_ through: Int64, fence: LeaseFence?, actions: [ActionRecord] = []) -> DaemonStep {
        DaemonStep(campaign: "c", judgedThrough: t(through), aliveAt: t(through), actions: actions, timers: nil, fence: fence)
    }

    private func action(_ id: String, channels: [String] = ["log"]) -> ActionRecord {
        ActionRecord(id: id, campaign: "c", rule: "r", action: "notify", dueAt: t(1), payload: "{\"id\":\"\(id)\"}", state: .pending,
                     late: false, decidedAt: t(1), channels: channels)
    }

    /// Moves a table's lease or claim times into the past, behind the store's back.
    private func expire(_ l: TestLedger, _ table: String, _ column: String) throws {
        switch l.kind {
        case .postgres: try l.sql("UPDATE \(table) SET \(column) = now() - interval '1 minute' WHERE \(column) IS NOT NULL")
        default: try l.sql("UPDATE \(table) SET \(column) = \(column) - 100000 WHERE \(column) IS NOT NULL")
        }
    }

    func testALeaseKeepsItsEpochWhenRenewedAndRaisesItForANewOwner() async throws {
        try await forEachStore { l in
            let first = try await l.store.takeLease(campaign: "c", owner: "a", ttl: 10)
            let renewed = try await l.store.takeLease(campaign: "c", owner: "a", ttl: 10)
            XCTAssertEqual(first, 1)
            XCTAssertEqual(renewed, 1)
            let other = try await l.store.takeLease(campaign: "d", owner: "b", ttl: 10)
            XCTAssertEqual(other, 1, "each campaign has its own lease")
            try expire(l, "campaign_leases", "expires_at")
            let taken = try await l.store.takeLease(campaign: "c", owner: "b", ttl: 10)
            XCTAssertEqual(taken, 2)
            try await l.store.releaseLeases(owner: "b")
            let back = try await l.store.takeLease(campaign: "c", owner: "a", ttl: 10)
            XCTAssertEqual(back, 3, "a released lease is taken at once, under a new epoch")
        }
    }

    /// The fence: a holder whose lease moved on writes nothing, neither actions nor watermark.
    func testACommitUnderAStaleEpochWritesNothing() async throws {
        try await forEachStore { l in
            let a = try await l.store.takeLease(campaign: "c", owner: "a", ttl: 10)
            try await l.store.commit(step(1, fence: LeaseFence(owner: "a", epoch: try XCTUnwrap(a))))
            try expire(l, "campaign_leases", "expires_at")
            let b = try await l.store.takeLease(campaign: "c", owner: "b", ttl: 10)
            do {
                try await l.store.commit(step(5, fence: LeaseFence(owner: "a", epoch: 1), actions: [action("c/1")]))
                XCTFail("a stale holder's commit was accepted")
            } catch let lost as LeaseLost {
                XCTAssertEqual(lost, LeaseLost(campaign: "c", fence: LeaseFence(owner: "a", epoch: 1)))
                XCTAssertTrue(lost.description.contains("nothing was written"), lost.description)
            }
            let watermark = try await l.store.watermark(campaign: "c")
            XCTAssertEqual(watermark?.judgedThrough, t(1))
            let actions = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(actions.count, 0)
            let due = try await l.store.dueDeliveries(now: t(9), limit: 10)
            XCTAssertEqual(due.count, 0)
            let written = try await l.store.commit(step(5, fence: LeaseFence(owner: "b", epoch: try XCTUnwrap(b)), actions: [action("c/1")]))
            XCTAssertEqual(written.map(\.id), ["c/1"])
            do {
                try await l.store.commit(step(6, fence: LeaseFence(owner: "b", epoch: 1)))
                XCTFail("the right owner under an old epoch was accepted")
            } catch is LeaseLost {}
        }
    }

    /// On PostgreSQL (shared by several daemons) an unexpired lease is refused to another owner.
    func testAnUnexpiredLeaseIsRefusedToAnotherOwner() async throws {
        try await forEachStore([.postgres]) { l in
            let a = try await l.store.takeLease(campaign: "c", owner: "a", ttl: 10)
            let b = try await l.store.takeLease(campaign: "c", owner: "b", ttl: 10)
            XCTAssertEqual(a, 1)
            XCTAssertNil(b)
            XCTAssertEqual(try l.sql("SELECT owner, epoch, expires_at > now() + interval '8 seconds' FROM campaign_leases"), "a|1|t\n")
        }
    }

    /// A claim hides a delivery from other claimants until it expires; only the claim that made
    /// an attempt can complete it, and a completion ends the claim.
    func testADeliveryIsCompletedOnlyUnderTheClaimThatHoldsIt() async throws {
        try await forEachStore { l in
            try await l.store.commit(step(1, fence: nil, actions: [action("c/1")]))
            let mine = try await l.store.claimDeliveries(now: t(1), limit: 10, owner: "a", ttl: 30)
            XCTAssertEqual(mine.map(\.claim), [DeliveryClaim(owner: "a", number: 1)])
            XCTAssertEqual(mine.first?.payload, "{\"id\":\"c/1\"}")
            let none = try await l.store.claimDeliveries(now: t(1), limit: 10, owner: "b", ttl: 30)
            XCTAssertEqual(none.count, 0, "a claimed delivery is not claimed again before its claim expires")
            let renewedByOther = try await l.store.renewClaims([("c/1", "log")], owner: "b", ttl: 30)
            XCTAssertEqual(renewedByOther, 0)
            let renewed = try await l.store.renewClaims([("c/1", "log")], owner: "a", ttl: 30)
            XCTAssertEqual(renewed, 1)
            try expire(l, "deliveries", "claim_expires_at")
            let taken = try await l.store.claimDeliveries(now: t(1), limit: 10, owner: "b", ttl: 30)
            XCTAssertEqual(taken.map(\.claim), [DeliveryClaim(owner: "b", number: 2)])
            let outcome = { (claim: DeliveryClaim) in
                DeliveryOutcome(actionID: "c/1", channel: "log", attempt: 1, at: t(2), error: nil, retryAt: nil, claim: claim)
            }
            let stale = try await l.store.recordAttempt(outcome(DeliveryClaim(owner: "a", number: 1)))
            XCTAssertFalse(stale, "the expired claim's completion counts")
            let counted = try await l.store.recordAttempt(outcome(DeliveryClaim(owner: "b", number: 2)))
            XCTAssertTrue(counted)
            let actions = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(actions.map(\.state), [.delivered])
            XCTAssertEqual(try l.sql("SELECT claimed_by IS NULL, claims FROM deliveries"), l.kind == .postgres ? "t|2\n" : "1|2\n")
        }
    }

    /// Two claimants at once (two connections, as two daemons) get disjoint deliveries.
    func testConcurrentClaimsAreDisjoint() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { l in
            try await l.store.commit(step(1, fence: nil, actions: (1...40).map { action("c/\($0)") }))
            let other = try await l.reopen()
            async let a = Self.claimAll(l.store, owner: "a")
            async let b = Self.claimAll(other, owner: "b")
            let (mine, theirs) = try await (a, b)
            await other.close()
            XCTAssertEqual(Set(mine).intersection(theirs), [])
            XCTAssertEqual(Set(mine).union(theirs).count, 40)
            XCTAssertEqual(mine.count + theirs.count, 40)
        }
    }

    private static func claimAll(_ store: any DaemonStore, owner: String) async throws -> [String] {
        var ids: [String] = []
        while true {
            let got = try await store.claimDeliveries(now: t(1), limit: 3, owner: owner, ttl: 30)
            if got.isEmpty { return ids }
            ids += got.map(\.actionID)
        }
    }
}
