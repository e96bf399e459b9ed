import CrescendoCore
import Foundation
import GRDB
import Synchronization

/// The ledger on SQLite (through GRDB): WAL mode, a 5-second busy timeout, and one
/// `BEGIN IMMEDIATE` transaction per write, so concurrent writers in different processes get
/// contiguous seqs and an unbroken chain.
///
/// It meets the async `LedgerStore` and `DaemonStore` with synchronous methods (a caller that
/// holds the concrete type calls them without `await`), except the daemon's writes
/// (`appendBatches`, `recordSideFacts`, `commit`, `recordAttempt`), which wait for GRDB's
/// writer without holding a thread. Streaming reads of an on-disk ledger opened for writing go
/// through a read-only connection of their own, so a long read never holds up a writer.
public final class SQLiteLedgerStore: LedgerStore {
    /// Whether the store may write.
    public enum Access: Sendable { case readWrite, readOnly }

    /// The path given (or `:memory:`), for messages.
    public let path: String
    let dbQueue: DatabaseQueue
    /// The read-only connection for streaming reads (see `bulkRead`), once opened.
    private let bulkReader = Mutex<DatabaseQueue?>(nil)
    private let access: Access

    public var location: String { path }

    /// Opens (creating and migrating when writable) the ledger at `path`.
    ///
    /// Throws `StoreError` for a file that is not SQLite, an SQLite file that is not a ledger, a
    /// schema newer than this build, a read-only file opened for writing, or a missing file
    /// opened read-only.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        self.access = access
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard try Self.hasSQLiteHeader(path) else { throw StoreError.notSQLite(path: path) }
            if access == .readWrite && !fm.isWritableFile(atPath: path) { throw StoreError.readOnly(path: path) }
        } else if access == .readOnly {
            throw StoreError.missing(path: path)
        }
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.readonly = access == .readOnly
        if access == .readWrite { config.journalMode = .wal }
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
        try prepareSchema(writable: access == .readWrite)
    }

    /// A ledger in memory (GRDB's in-memory database): the same code, nothing on disk.
    public init(inMemoryNamed name: String = "ledger") throws {
        path = ":memory:"
        access = .readWrite
        do { dbQueue = try DatabaseQueue(named: name) } catch { throw StoreError.wrap(error, path: path) }
        try prepareSchema(writable: true)
    }

    /// A file that is empty or starts with the SQLite header ("SQLite format 3\0").
    static func hasSQLiteHeader(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.database(path: path, message: "cannot read the file") }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 16)
        return head.isEmpty || head == Data("SQLite format 3\u{0}".utf8)
    }

    /// Checks the schema version and applies migrations.
    private func prepareSchema(writable: Bool) throws {
        do {
            let version: Int? = try dbQueue.read { db in
                guard try db.tableExists("meta") else { return nil }
                return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap { Int($0) } ?? 0
            }
            if let version, version > LedgerMigrations.schemaVersion {
                throw StoreError.newerSchema(path: path, found: version, known: LedgerMigrations.schemaVersion)
            }
            if version == nil {
                let otherTables = try dbQueue.read { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") ?? 0
                }
                guard writable, otherTables == 0 else { throw StoreError.notALedger(path: path) }
            }
            if writable {
                let migrator = LedgerMigrations.migrator
                if try dbQueue.read({ try migrator.hasBeenSuperseded($0) }) {
                    throw StoreError.newerSchema(path: path, found: version ?? 0, known: LedgerMigrations.schemaVersion)
                }
                try migrator.migrate(dbQueue)
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, mapping database errors to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try dbQueue.writeWithoutTransaction { db in try Self.immediate(db, path: path, body) }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// `write`, waiting for GRDB's writer without holding the calling thread.
    func asyncWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = self.path
        do {
            return try await dbQueue.writeWithoutTransaction { db in try Self.immediate(db, path: path, body) }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// `body` in a `BEGIN IMMEDIATE` transaction that commits only if `body` returns.
    private static func immediate<T>(_ db: Database, path: String, _ body: (Database) throws -> T) throws -> T {
        var result: Result<T, Error>?
        try db.inTransaction(.immediate) {
            result = Result { try body(db) }
            if case .failure = result { return .rollback }
            return .commit
        }
        guard let result else { throw StoreError.database(path: path, message: "the transaction did not run") }
        return try result.get()
    }

    /// Runs `body` on a read, mapping database errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    /// `read` for a long streaming read: on an on-disk ledger opened for writing it runs on a
    /// read-only connection of its own (opened on first use), so it never holds up the writer;
    /// otherwise on the store's connection.
    func bulkRead<T>(_ body: (Database) throws -> T) throws -> T {
        guard let reader = bulkReaderQueue() else { return try read(body) }
        do { return try reader.read(body) } catch { throw StoreError.wrap(error, path: path) }
    }

    private func bulkReaderQueue() -> DatabaseQueue? {
        guard access == .readWrite, path != ":memory:" else { return nil }
        return bulkReader.withLock { reader in
            if reader == nil {
                var config = Configuration()
                config.busyMode = .timeout(5)
                config.readonly = true
                reader = try? DatabaseQueue(path: path, configuration: config)
            }
            return reader
        }
    }

    public func bind(campaign id: String) throws {
        try write { db in
            if let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'campaign'") {
                guard stored == id else { throw StoreError.campaignMismatch(path: path, stored: stored, given: id) }
            } else {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('campaign', ?)", arguments: [id])
            }
        }
    }
}
