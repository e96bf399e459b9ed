import CrescendoCore
@testable import CrescendoStore
import CrescendoTestSupport
import GRDB
import XCTest

/// SQLite's migrations of the daemon's tables (the operations themselves are in the
/// conformance suite, `DaemonConformanceTests`).
final class SQLiteDaemonMigrationTests: XCTestCase {
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
        XCTAssertEqual(try sqliteRow(store, "SELECT value FROM meta WHERE key = 'schema_version'"), ["\(LedgerMigrations.schemaVersion)"])
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
