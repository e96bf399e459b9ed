import CrescendoCore
@testable import CrescendoStore
import XCTest

/// Schema versions on every store: the same number in `meta`, and a ledger made by a newer
/// Crescendo refused with the same message, for reading and for writing.
final class SchemaConformanceTests: XCTestCase {
    func testEveryStoreIsAtTheSameSchemaVersion() async throws {
        try await forEachStore { l in
            XCTAssertEqual(try l.sql("SELECT value FROM meta WHERE key = 'schema_version'"), "\(LedgerMigrations.schemaVersion)\n")
        }
    }

    /// v7: the facts by time, for replays from a checkpoint.
    func testTheFactsAreIndexedByTime() async throws {
        try await forEachStore { l in
            let names = "('entries_by_at', 'indicator_samples_by_at', 'responses_by_at')"
            let sql = l.kind == .postgres
                ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN \(names) ORDER BY indexname"
                : "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN \(names) ORDER BY name"
            XCTAssertEqual(try l.sql(sql), "entries_by_at\nindicator_samples_by_at\nresponses_by_at\n")
        }
    }

    /// v9: the corrections by seq, read first by every read of the ledger as it now reads. On
    /// SQLite the planner is asked which index the read uses; PostgreSQL, with its tiny test
    /// table, would rightly scan it, so there the index is only checked to exist.
    func testTheCorrectionsAreIndexed() async throws {
        try await forEachStore { l in
            let sql = l.kind == .postgres
                ? "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'entries_corrections'"
                : "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'entries_corrections'"
            XCTAssertTrue(try l.sql(sql).contains("WHERE"), "a partial index on corrects IS NOT NULL")
            if l.kind != .postgres {
                let plan = try l.sql("EXPLAIN QUERY PLAN SELECT seq FROM entries WHERE corrects IS NOT NULL AND seq <= 10 ORDER BY seq")
                XCTAssertTrue(plan.contains("entries_corrections"), plan)
            }
        }
    }

    func testALedgerOfANewerSchemaIsRefused() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { l in
            _ = try await l.store.append(entry(1), recordedAt: t(1))
            let newer = LedgerMigrations.schemaVersion + 1
            try l.sql("UPDATE meta SET value = '\(newer)' WHERE key = 'schema_version'")
            for readOnly in [false, true] {
                await assertThrows(try await l.reopen(readOnly: readOnly)) {
                    XCTAssertEqual("\($0)", "\(l.store.location) has ledger schema version \(newer), "
                                   + "newer than this build of crescendo knows (\(LedgerMigrations.schemaVersion)); upgrade crescendo to use it")
                }
            }
        }
    }

    /// A second open of an existing ledger migrates nothing and keeps every row.
    func testReopeningKeepsTheLedger() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { l in
            _ = try await l.store.append(entry(1), recordedAt: t(1))
            try await l.store.bind(campaign: "c")
            let again = try await l.reopen()
            let head = try await again.head()
            XCTAssertEqual(head.count, 1)
            try await again.bind(campaign: "c")
            await again.close()
        }
    }

    /// A read-only store cannot write, and says so.
    func testAReadOnlyStoreRefusesWrites() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { l in
            _ = try await l.store.append(entry(1), recordedAt: t(1))
            let reader = try await l.reopen(readOnly: true)
            await assertThrows(try await reader.append(entry(2), recordedAt: t(2))) {
                XCTAssertEqual("\($0)", "\(reader.location) is read-only; nothing was recorded")
            }
            let head = try await reader.head()
            XCTAssertEqual(head.count, 1)
            await reader.close()
        }
    }
}
