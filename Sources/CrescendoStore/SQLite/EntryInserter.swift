import CrescendoCore
import Foundation
import GRDB
import GRDBSQLite

/// Inserts linked entries inside an open write transaction with one reused prepared statement,
/// bound through the C API.
struct EntryInserter {
    /// The columns an insert of an entry gives, in this order.
    static let columns = "seq, at, recorded_at, kind, quantity, area, demand, care, cause, change, corrects, correction_reason, hash"
    private static let sql = "INSERT INTO entries (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    /// SQLite copies bound text and blobs at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private let db: Database
    private let statement: Statement
    private let path: String

    init(_ db: Database, path: String) throws {
        self.db = db
        self.path = path
        statement = try db.cachedStatement(sql: Self.sql)
    }

    /// The chain as it stands: the newest entry's seq and hash (0 and zeros for an empty ledger).
    static func chain(_ db: Database) throws -> EntryChain {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") else {
            return EntryChain(seq: 0, previous: Hex.zeroHash)
        }
        let hash: Data = row[1] ?? Data()
        return EntryChain(seq: row[0], previous: Array(hash))
    }

    /// Inserts an entry already linked (numbered, normalized) with its 32-byte hash.
    func insert(_ e: LedgerEntry, recordedAt: Instant, corrects: Int64?, reason: String?, hash: UnsafeRawBufferPointer) throws {
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 3, recordedAt.seconds)
        if let corrects { sqlite3_bind_int64(s, 11, corrects) } else { sqlite3_bind_null(s, 11) }
        let rc = withText(12, reason) { insertRow(e, hash: hash) }
        sqlite3_clear_bindings(s)
        try Self.check(rc, db, path: path)
    }

    /// Binds the entry's own columns and steps. Text and the hash are bound without a copy
    /// (`SQLITE_STATIC`): they stay valid until the step returns, and every one is bound afresh
    /// before the next step.
    @inline(__always)
    private func insertRow(_ e: LedgerEntry, hash: UnsafeRawBufferPointer) -> Int32 {
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, e.seq)
        sqlite3_bind_int64(s, 2, e.at.seconds)
        sqlite3_bind_int64(s, 5, e.quantity.milli)
        sqlite3_bind_blob(s, 13, hash.baseAddress, Int32(hash.count), nil)
        let rc = withText(4, e.kind) {
            withText(6, e.area) {
                withText(7, e.demand) {
                    withText(8, e.care) {
                        withText(9, e.cause) {
                            withText(10, e.change) { sqlite3_step(s) }
                        }
                    }
                }
            }
        }
        sqlite3_reset(s)
        return rc
    }

    /// Throws the store's error for a step that did not finish the insert.
    @inline(__always)
    static func check(_ rc: Int32, _ db: Database, path: String) throws {
        guard rc == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw StoreError.wrap(DatabaseError(resultCode: ResultCode(rawValue: rc), message: message), path: path)
        }
    }

    /// Records the new head in `meta` (so that `verify` notices entries removed from the end).
    static func saveHead(_ chain: EntryChain, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO meta (key, value) VALUES ('head_seq', ?), ('head_hash', ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [String(chain.seq), Hex.string(chain.previous)])
    }

    /// Binds `text` (or NULL) to parameter `index` without a copy, for the duration of `body`.
    /// Never inlined: six nested calls of it, each with two paths, inlined into one another
    /// make the optimizer's work grow exponentially (a release build of this file took 20+
    /// minutes).
    @inline(never)
    private func withText(_ index: Int32, _ text: String?, _ body: () -> Int32) -> Int32 {
        let s = statement.sqliteStatement
        guard let text else { sqlite3_bind_null(s, index); return body() }
        return text.utf8.withContiguousStorageIfAvailable { p -> Int32 in
            if let base = UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: CChar.self), p.count > 0 {
                _ = sqlite3_bind_text(s, index, base, Int32(p.count), nil)
            } else {
                _ = sqlite3_bind_text(s, index, "", 0, Self.transient)
            }
            return body()
        } ?? {
            // Not contiguous UTF-8 (a bridged string): let SQLite copy it.
            var copy = text
            copy.makeContiguousUTF8()
            _ = copy.withCString { sqlite3_bind_text(s, index, $0, -1, Self.transient) }
            return body()
        }()
    }
}
