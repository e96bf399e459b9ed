import CrescendoCore
import Foundation
import GRDB
import GRDBSQLite

/// Inserts linked entries inside an open write transaction with one reused prepared statement,
/// bound through the C API.
struct EntryInserter {
    private static let sql = """
        INSERT INTO entries (seq, at, recorded_at, kind, quantity, area, demand, care, cause, change,
                             corrects, correction_reason, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
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
        sqlite3_bind_int64(s, 1, e.seq)
        sqlite3_bind_int64(s, 2, e.at.seconds)
        sqlite3_bind_int64(s, 3, recordedAt.seconds)
        bind(4, e.kind)
        sqlite3_bind_int64(s, 5, e.quantity.milli)
        bind(6, e.area); bind(7, e.demand); bind(8, e.care); bind(9, e.cause); bind(10, e.change)
        if let corrects { sqlite3_bind_int64(s, 11, corrects) } else { sqlite3_bind_null(s, 11) }
        bind(12, reason)
        sqlite3_bind_blob(s, 13, hash.baseAddress, Int32(hash.count), Self.transient)
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw StoreError.wrap(DatabaseError(resultCode: ResultCode(rawValue: rc), message: message), path: path)
        }
    }

    /// Records the new head in `meta` (so that `verify` notices entries removed from the end).
    func saveHead(_ chain: EntryChain) throws {
        try db.execute(sql: """
            INSERT INTO meta (key, value) VALUES ('head_seq', ?), ('head_hash', ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [String(chain.seq), Hex.string(chain.previous)])
    }

    private func bind(_ index: Int32, _ text: String?) {
        let s = statement.sqliteStatement
        guard var text else { sqlite3_bind_null(s, index); return }
        text.withUTF8 { p in
            if let base = UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: CChar.self) {
                _ = sqlite3_bind_text(s, index, base, Int32(p.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(s, index, "", 0, Self.transient)
            }
        }
    }
}
