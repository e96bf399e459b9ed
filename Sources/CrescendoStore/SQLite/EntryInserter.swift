import CrescendoCore
import Foundation
import GRDB
import GRDBSQLite

/// Appends entries inside an open write transaction: numbers them, chains their hashes and
/// inserts them with one reused prepared statement bound through the C API.
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
    private var hasher = EntryHasher()
    private(set) var seq: Int64
    private(set) var previous: [UInt8]
    private(set) var written = 0

    /// Reads the current head inside the caller's transaction.
    init(_ db: Database, path: String) throws {
        self.db = db
        self.path = path
        statement = try db.cachedStatement(sql: Self.sql)
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") {
            seq = row[0]
            let hash: [UInt8] = Array((row[1] as Data?) ?? Data())
            previous = hash.count == 32 ? hash : Hex.zeroHash
        } else {
            seq = 0
            previous = Hex.zeroHash
        }
    }

    /// Appends one entry after checking its text; returns it as stored.
    mutating func append(_ entry: LedgerEntry, recordedAt: Instant, corrects: Int64? = nil, reason: String? = nil) throws -> StoredEntry {
        var e = entry
        let reasonText = try insert(&e, recordedAt: recordedAt, corrects: corrects, reason: reason)
        return StoredEntry(entry: e, recordedAt: recordedAt, corrects: corrects, correctionReason: reasonText, hash: Hex.string(previous))
    }

    /// Appends one entry (numbering and normalizing it in place) without building a `StoredEntry`;
    /// returns the normalized correction reason.
    @discardableResult
    mutating func insert(_ e: inout LedgerEntry, recordedAt: Instant, corrects: Int64? = nil, reason: String? = nil) throws -> String? {
        try Self.normalize(&e)
        let reasonText = try Self.normalized(reason, field: "reason")
        e.seq = seq + 1
        let seq = e.seq
        // `previous` becomes this entry's hash; on failure the whole transaction is abandoned.
        hasher.advance(&previous, seq: seq, entry: e, recordedAt: recordedAt, corrects: corrects, reason: reasonText)
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 1, seq)
        sqlite3_bind_int64(s, 2, e.at.seconds)
        sqlite3_bind_int64(s, 3, recordedAt.seconds)
        bind(4, e.kind)
        sqlite3_bind_int64(s, 5, e.quantity.milli)
        bind(6, e.area); bind(7, e.demand); bind(8, e.care); bind(9, e.cause); bind(10, e.change)
        if let corrects { sqlite3_bind_int64(s, 11, corrects) } else { sqlite3_bind_null(s, 11) }
        bind(12, reasonText)
        previous.withUnsafeBytes { p in _ = sqlite3_bind_blob(s, 13, p.baseAddress, Int32(p.count), Self.transient) }
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw StoreError.wrap(DatabaseError(resultCode: ResultCode(rawValue: rc), message: message), path: path)
        }
        self.seq = seq
        written += 1
        return reasonText
    }

    /// Records the new head in `meta` (so that `verify` notices entries removed from the end).
    func saveHead() throws {
        try db.execute(sql: """
            INSERT INTO meta (key, value) VALUES ('head_seq', ?), ('head_hash', ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, arguments: [String(seq), Hex.string(previous)])
    }

    var head: ChainHead { ChainHead(count: seq, seq: seq, hash: Hex.string(previous)) }

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

    /// Empty optional fields are absent; no field may hold U+001F, the encoding's separator.
    static func normalize(_ e: inout LedgerEntry) throws {
        guard !containsSeparator(e.kind) else { throw StoreError.invalidText(field: "kind") }
        e.area = try normalized(e.area, field: "area")
        e.demand = try normalized(e.demand, field: "demand")
        e.care = try normalized(e.care, field: "care")
        e.cause = try normalized(e.cause, field: "cause")
        e.change = try normalized(e.change, field: "change")
    }

    @inline(__always)
    static func normalized(_ text: String?, field: String) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard !containsSeparator(text) else { throw StoreError.invalidText(field: field) }
        return text
    }

    @inline(__always)
    static func containsSeparator(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { p in p.contains(EntryHasher.separator) }
            ?? text.utf8.contains(EntryHasher.separator)
    }
}
