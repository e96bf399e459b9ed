import CrescendoCore
@testable import CrescendoStore
import CrescendoTestSupport
import GRDB
import XCTest

/// The daemon's part of the SQLite store: actions, deliveries and their times.
final class DaemonStoreTests: XCTestCase {
    private func action(_ id: String, channels: [String]) -> ActionRecord {
        ActionRecord(id: id, campaign: "c", rule: "r", action: "notify", dueAt: t(1), payload: "{}", state: .pending,
                     late: false, decidedAt: t(1), channels: channels)
    }

    private func outcome(_ attempt: Int, error: String? = nil, retryAt: Instant? = nil, at: Instant = t(2)) -> DeliveryOutcome {
        DeliveryOutcome(actionID: "c/1", channel: "log", attempt: attempt, at: at, error: error, retryAt: retryAt)
    }

    func testACommittedActionIsRecordedOnceWithADeliveryPerChannel() async throws {
        let store = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        let step = DaemonStep(campaign: "c", judgedThrough: t(1), aliveAt: t(1), actions: [action("c/1", channels: ["log", "hook"])], timers: nil)
        let first = try await store.commit(step)
        let again = try await store.commit(step)
        XCTAssertEqual(first.map(\.id), ["c/1"])
        XCTAssertEqual(again.map(\.id), [])
        XCTAssertEqual(try store.dueDeliveries(now: t(1), limit: 10).map(\.channel).sorted(), ["hook", "log"])
        XCTAssertEqual(try store.dueDeliveries(now: t(1), limit: 10).first?.nextAttemptAt, t(1))
        XCTAssertEqual(try store.watermark(campaign: "c"), Watermark(judgedThrough: t(1), aliveAt: t(1)))
    }

    func testAnAttemptCountsOnlyOnceAndOnlyInItsTurn() async throws {
        let store = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        try await store.commit(DaemonStep(campaign: "c", judgedThrough: t(1), aliveAt: t(1), actions: [action("c/1", channels: ["log"])], timers: nil))
        let first = try await store.recordAttempt(outcome(1, error: "refused", retryAt: t(3)))
        XCTAssertTrue(first)
        // The same first attempt reported again (a stale worker) changes nothing.
        let stale = try await store.recordAttempt(outcome(1, at: t(2)))
        XCTAssertFalse(stale)
        XCTAssertEqual(try store.dueDeliveries(now: t(2), limit: 10).count, 0, "not due before its retry time")
        let due = try store.dueDeliveries(now: t(3), limit: 10)
        XCTAssertEqual(due.map(\.attempts), [1])
        XCTAssertEqual(due.first?.nextAttemptAt, t(3))
        XCTAssertEqual(due.first?.lastError, "refused")
        let second = try await store.recordAttempt(outcome(2, at: t(4)))
        XCTAssertTrue(second)
        let recorded = try store.actions(since: nil, limit: 10)
        XCTAssertEqual(recorded.map(\.state), [.delivered])
        XCTAssertEqual(recorded.map(\.attempts), [2])
        XCTAssertEqual(recorded.first?.deliveredAt, t(4))
        XCTAssertEqual(try sqliteRow(store, "SELECT typeof(delivered_at), delivered_at FROM deliveries"), ["integer", "\(t(4).seconds)"])
    }

    func testAFinalFailureMakesADeadLetter() async throws {
        let store = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        try await store.commit(DaemonStep(campaign: "c", judgedThrough: t(1), aliveAt: t(1), actions: [action("c/1", channels: ["log"])], timers: nil))
        try await store.recordAttempt(outcome(1, error: "exit 3", retryAt: nil))
        XCTAssertEqual(try store.deadLetters(limit: 10).map(\.lastError), ["exit 3"])
        XCTAssertEqual(try store.actionCounts(), [.dead: 1])
        XCTAssertEqual(try store.channelHealth().map(\.dead), [1])
    }

    /// Version 2 kept delivery times as fractional seconds; version 3 keeps whole seconds,
    /// a retry rounded up (never earlier than planned) and a delivery time down (the ledger then
    /// migrates on to the newest version).
    func testMigrationV3MakesDeliveryTimesWholeSeconds() throws {
        let dir = try ScratchFolder("store")
        let path = dir.path("ledger.sqlite")
        let old = try DatabaseQueue(path: path)
        try LedgerMigrations.migrator.migrate(old, upTo: "v2")
        try old.write { db in
            try db.execute(sql: "INSERT INTO actions (id, campaign, rule, action, due_at, payload) VALUES ('c/1', 'c', 'r', 'notify', 100, '{}')")
            try db.execute(sql: "INSERT INTO deliveries (action_id, channel, next_attempt_at, delivered_at) VALUES ('c/1', 'log', 100.25, 99.75)")
        }
        try old.close()
        let store = try SQLiteLedgerStore(path: path)
        XCTAssertEqual(try sqliteRow(store, "SELECT typeof(next_attempt_at), next_attempt_at, delivered_at FROM deliveries"),
                       ["integer", "101", "99"])
        XCTAssertEqual(try sqliteRow(store, "SELECT value FROM meta WHERE key = 'schema_version'"), ["6"])
        XCTAssertEqual(try store.dueDeliveries(now: Instant(seconds: 101), limit: 10).map(\.actionID), ["c/1"])
    }

    /// The first row of a query, as text.
    private func sqliteRow(_ store: SQLiteLedgerStore, _ sql: String) throws -> [String] {
        try store.read { db in
            guard let row = try Row.fetchOne(db, sql: sql) else { return [] }
            return row.databaseValues.map { $0.storage.value.map { "\($0)" } ?? "NULL" }
        }
    }
}
