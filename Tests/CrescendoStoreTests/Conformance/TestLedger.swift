import CrescendoCore
import CrescendoPostgres
@testable import CrescendoStore
import CrescendoTestSupport
import Foundation
import GRDB
import XCTest

/// One new, empty ledger of one kind for a conformance test, and a way into its database
/// behind the store's back (the `sqlite3` shell, GRDB for a ledger in memory, `psql`).
final class TestLedger: @unchecked Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case sqliteMemory = "SQLite in memory", sqliteFile = "SQLite file", postgres = "PostgreSQL"
    }

    let kind: Kind
    let store: any DaemonStore
    /// Where the store is: a file path, or the PostgreSQL URL with the test's schema.
    let location: String
    private let folder: ScratchFolder?
    private let server: TestPostgres?

    /// A new ledger of `kind`, or nil for PostgreSQL when the tests have no server.
    static func make(_ kind: Kind) async throws -> TestLedger? {
        switch kind {
        case .sqliteMemory:
            return TestLedger(kind: kind, store: try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString), location: ":memory:", folder: nil, server: nil)
        case .sqliteFile:
            let folder = try ScratchFolder("store")
            let path = folder.path("ledger.sqlite")
            return TestLedger(kind: kind, store: try SQLiteLedgerStore(path: path), location: path, folder: folder, server: nil)
        case .postgres:
            guard let server = try TestPostgres.make() else { return nil }
            let store = try await PostgresLedgerStore.open(try PostgresURL(server.url))
            return TestLedger(kind: kind, store: store, location: server.url, folder: nil, server: server)
        }
    }

    private init(kind: Kind, store: any DaemonStore, location: String, folder: ScratchFolder?, server: TestPostgres?) {
        self.kind = kind; self.store = store; self.location = location; self.folder = folder; self.server = server
    }

    /// Another store on the same database (another process's view of it).
    func reopen(readOnly: Bool = false) async throws -> any DaemonStore {
        switch kind {
        case .sqliteMemory: return store
        case .sqliteFile: return try SQLiteLedgerStore(path: location, access: readOnly ? .readOnly : .readWrite)
        case .postgres: return try await PostgresLedgerStore.open(try PostgresURL(location), readOnly: readOnly)
        }
    }

    /// Runs SQL on the database behind the store's back; one line per row, columns joined by `|`.
    @discardableResult
    func sql(_ text: String) throws -> String {
        switch kind {
        case .sqliteMemory:
            return try (store as! SQLiteLedgerStore).dbQueue.writeWithoutTransaction { db in
                var out = ""
                for statement in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !statement.isEmpty {
                    for row in try Row.fetchAll(db, sql: statement) {
                        out += row.databaseValues.map { $0.storage.value.map { "\($0)" } ?? "" }.joined(separator: "|") + "\n"
                    }
                }
                return out
            }
        case .sqliteFile: return try sqliteShell(location, text)
        case .postgres: return try server!.psql(text)
        }
    }

    /// Runs SQL after lifting the append-only guard on `entries`, as someone with write access
    /// to the database must before editing it; `postgres` replaces `sqlite` where the two differ.
    func tamper(_ sqlite: String, postgres: String? = nil) throws {
        switch kind {
        case .sqliteMemory, .sqliteFile:
            try sql("DROP TRIGGER entries_are_append_only_update; DROP TRIGGER entries_are_append_only_delete; " + sqlite)
        case .postgres:
            try sql("ALTER TABLE entries DISABLE TRIGGER USER; " + (postgres ?? sqlite))
        }
    }

    func close() async { await store.close() }
}

extension XCTestCase {
    /// Runs `body` against a new ledger of each kind: SQLite in memory, an SQLite file, and
    /// PostgreSQL when the tests have a server. Failures are followed by the kind they came from.
    func forEachStore(_ kinds: [TestLedger.Kind] = TestLedger.Kind.allCases, file: StaticString = #filePath, line: UInt = #line,
                      _ body: (TestLedger) async throws -> Void) async throws {
        for kind in kinds {
            guard let ledger = try await TestLedger.make(kind) else { continue }
            let before = testRun?.totalFailureCount ?? 0
            do {
                try await body(ledger)
            } catch {
                await ledger.close()
                XCTFail("\(kind.rawValue): \(error)", file: file, line: line)
                continue
            }
            await ledger.close()
            if (testRun?.totalFailureCount ?? 0) > before { XCTFail("the failures above came from the \(kind.rawValue) ledger", file: file, line: line) }
        }
    }
}
