import CrescendoCore
@testable import CrescendoPostgres
@testable import CrescendoStore
import CrescendoTestSupport
import Foundation
import Logging
import PostgresNIO
import XCTest

/// What only the PostgreSQL store has: a server that is not there or goes away, a database that
/// is not a ledger, several processes creating one ledger at once, its migrations' numbering.
final class PostgresStoreTests: XCTestCase {
    /// A port nothing listens on.
    private func closedPort() throws -> Int {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    func testTheMigrationsReachTheSchemaVersionSQLiteHas() {
        XCTAssertEqual(PostgresMigrations.newest, LedgerMigrations.schemaVersion)
        XCTAssertEqual(PostgresMigrations.all.map(\.version), PostgresMigrations.all.map(\.version).sorted())
    }

    func testAnUnreachableServerIsAClearErrorWithoutThePassword() async throws {
        let port = try closedPort()
        let url = try PostgresURL("postgres://crescendo:s3cret@127.0.0.1:\(port)/ledger")
        await assertThrowsAsync(try await PostgresLedgerStore.open(url)) {
            XCTAssertEqual($0 as? StoreError, .unavailable(path: "postgres://crescendo@127.0.0.1:\(port)/ledger", reason: "connection refused"))
            XCTAssertEqual("\($0)", "cannot reach the ledger database postgres://crescendo@127.0.0.1:\(port)/ledger: connection refused")
        }
    }

    func testADatabaseWithOtherTablesIsNotALedger() async throws {
        guard let server = try TestPostgres.make() else { return }
        try TestPostgres.psql("CREATE SCHEMA \(server.schema); CREATE TABLE \(server.schema).people (name text)")
        let url = try PostgresURL(server.url)
        for readOnly in [false, true] {
            await assertThrowsAsync(try await PostgresLedgerStore.open(url, readOnly: readOnly)) {
                XCTAssertEqual("\($0)", "\(url) is a PostgreSQL schema but not a Crescendo ledger (it has no meta table)")
            }
        }
        XCTAssertEqual(try server.psql("SELECT count(*) FROM pg_tables WHERE schemaname = '\(server.schema)'"), "1\n", "nothing was created")
    }

    func testAnEmptyDatabaseIsNotCreatedForReading() async throws {
        guard let server = try TestPostgres.make() else { return }
        let url = try PostgresURL(server.url)
        await assertThrowsAsync(try await PostgresLedgerStore.open(url, readOnly: true)) {
            XCTAssertEqual("\($0)", "no ledger database at \(url)")
        }
        XCTAssertEqual(try TestPostgres.psql("SELECT count(*) FROM pg_namespace WHERE nspname = '\(server.schema)'"), "0\n")
    }

    /// Processes starting at once on a new ledger create it once (an advisory lock).
    func testSeveralFirstOpensAtOnceCreateOneLedger() async throws {
        guard let server = try TestPostgres.make() else { return }
        let url = try PostgresURL(server.url)
        let stores = try await withThrowingTaskGroup(of: PostgresLedgerStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresLedgerStore.open(url) } }
            var out: [PostgresLedgerStore] = []
            for try await s in group { out.append(s) }
            return out
        }
        for s in stores { _ = try await s.append(entry(), recordedAt: Instant(seconds: 1)) }
        XCTAssertEqual(try server.psql("SELECT value FROM meta WHERE key = 'schema_version'"), "\(LedgerMigrations.schemaVersion)\n")
        XCTAssertEqual(try server.psql("SELECT count(*), max(seq) FROM entries"), "4|4\n")
        for s in stores { await s.close() }
    }

    /// A connection that closed between two statements of a transaction (the server ended the
    /// session, or went away) fails the next statement at once: postgres-nio 1.33.2 alone would
    /// wait forever (`PostgresConnection.run`). Its sessions are named `crescendo/PID`.
    func testAStatementOnAConnectionClosedUnderItFailsAtOnce() async throws {
        guard let server = try TestPostgres.make() else { return }
        let url = try PostgresURL(server.url)
        try await PostgresLedgerStore.open(url).close()
        let logger = Logger(label: "test")
        let connection = try await PostgresConnection.connect(configuration: try PostgresLedgerStore.connectionConfiguration(url, readOnly: false),
                                                              id: 1, logger: logger)
        try await connection.run("BEGIN", logger: logger)
        try await connection.run("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE", logger: logger)
        let name = "crescendo/\(ProcessInfo.processInfo.processIdentifier)"
        XCTAssertEqual(try TestPostgres.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '\(name)' AND state = 'idle in transaction'"), "1\n")
        for _ in 0..<50 where !connection.isClosed { try await Task.sleep(for: .milliseconds(100)) }
        let started = ContinuousClock.now
        await assertThrowsAsync(try await connection.run("SELECT 1", logger: logger)) {
            XCTAssertEqual("\(StoreError.postgres($0, location: "here"))", "cannot reach the ledger database here: the connection was closed")
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
        XCTAssertEqual(try server.psql("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE NOWAIT"), "0\n", "its lock went with its session")
        try? await connection.close()
    }

    private func entry() -> LedgerEntry { LedgerEntry(at: Instant(seconds: 0), kind: "masks") }
}

/// Asserts that `expression` throws, and hands the error to `check`.
func assertThrowsAsync<T>(_ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
                          _ check: (any Error) -> Void = { _ in }) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        check(error)
    }
}
