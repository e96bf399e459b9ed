import CrescendoCore
import CrescendoInputs
import GRDB
import GRDBSQLite

/// Steps a `SELECT <EntryRowReader.columns> FROM entries ...` statement through the C API,
/// sharing one `String` among repeated kinds, areas and demands.
struct EntryRowReader {
    static let columns = "seq, at, recorded_at, kind, quantity, area, demand, care, cause, change, corrects, correction_reason, hash"

    private let statement: Statement
    private let db: Database
    private let path: String
    private var kinds = StringInterner()
    private var areas = StringInterner()
    private var demands = StringInterner()

    init(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(), path: String) throws {
        self.db = db
        self.path = path
        statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
    }

    /// The next row and its stored hash bytes, or `nil` when done. Without `hashText` the
    /// stored entry's `hash` is left empty (verification compares the bytes); without
    /// `hashBytes` the bytes are not copied out either (a read that feeds the engine or the
    /// site: one allocation less per row).
    mutating func next(hashText: Bool = true, hashBytes: Bool = true) throws -> (stored: StoredEntry, hash: [UInt8])? {
        let s = statement.sqliteStatement
        let rc = sqlite3_step(s)
        if rc == SQLITE_DONE { return nil }
        guard rc == SQLITE_ROW else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw StoreError.wrap(DatabaseError(resultCode: ResultCode(rawValue: rc), message: message), path: path)
        }
        var e = LedgerEntry(seq: sqlite3_column_int64(s, 0), at: Instant(seconds: sqlite3_column_int64(s, 1)),
                            kind: interned(s, 3, &kinds) ?? "", quantity: Quantity(milli: sqlite3_column_int64(s, 4)))
        e.area = interned(s, 5, &areas)
        e.demand = interned(s, 6, &demands)
        e.care = text(s, 7); e.cause = text(s, 8); e.change = text(s, 9)
        let corrects: Int64? = sqlite3_column_type(s, 10) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 10)
        var hash: [UInt8] = []
        if hashText || hashBytes, let blob = sqlite3_column_blob(s, 12) {
            hash = Array(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(s, 12))))
        }
        let stored = StoredEntry(entry: e, recordedAt: Instant(seconds: sqlite3_column_int64(s, 2)), corrects: corrects,
                                 correctionReason: text(s, 11), hash: hashText ? Hex.string(hash) : "")
        return (stored, hash)
    }

    private func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(s, i) != SQLITE_NULL, let p = sqlite3_column_text(s, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
    }

    private func interned(_ s: OpaquePointer, _ i: Int32, _ interner: inout StringInterner) -> String? {
        bytes(s, i).map { interner.intern($0).string }
    }

    private func text(_ s: OpaquePointer, _ i: Int32) -> String? {
        bytes(s, i).map { String(decoding: $0, as: UTF8.self) }
    }
}
