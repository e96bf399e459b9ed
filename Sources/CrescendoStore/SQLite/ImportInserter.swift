import CrescendoCore
import GRDB
import GRDBSQLite

/// Inserts the batches of an import inside its open write transaction, several rows per
/// statement (`INSERT ... VALUES (...), (...), ...`): one execution of the statement opens the
/// table once and appends its rows one after another, where a statement per row pays for
/// starting, seeking from the root and halting each time.
///
/// Each row's columns are bound without a copy (`SQLITE_STATIC`): text from the batch's
/// encodings, the hash from the row; both stay valid until the step returns, and every one is
/// bound afresh before the next step. `recorded_at` (the same for every row) is bound once;
/// an import corrects nothing, so `corrects` and `correction_reason` are NULL.
struct ImportInserter {
    /// Rows per statement (fewer if the library allows fewer parameters).
    static let rowsPerStatement = 64
    /// Parameters per row: seq, at, kind, quantity, area, demand, care, cause, change, hash.
    private static let perRow: Int32 = 10

    private let db: Database
    private let path: String
    /// One row, for the rest of a batch.
    private let single: Statement
    /// `perStatement` rows.
    private let multiple: Statement
    private let perStatement: Int

    init(_ db: Database, path: String, recordedAt: Instant) throws {
        self.db = db
        self.path = path
        let limit = db.sqliteConnection.map { Int(sqlite3_limit($0, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) } ?? 999
        perStatement = max(1, min(Self.rowsPerStatement, (limit - 1) / Int(Self.perRow)))
        single = try db.makeStatement(sql: Self.sql(rows: 1))
        multiple = try db.makeStatement(sql: Self.sql(rows: perStatement))
        sqlite3_bind_int64(single.sqliteStatement, 1, recordedAt.seconds)
        sqlite3_bind_int64(multiple.sqliteStatement, 1, recordedAt.seconds)
    }

    /// `?1` is `recorded_at`; row `k`'s parameters are numbered from `2 + 10k`.
    static func sql(rows: Int) -> String {
        let values = (0..<rows).map { k -> String in
            let p = (0..<Int(perRow)).map { "?\(2 + Int(perRow) * k + $0)" }
            return "(\(p[0]), \(p[1]), ?1, \(p[2]), \(p[3]), \(p[4]), \(p[5]), \(p[6]), \(p[7]), \(p[8]), NULL, NULL, \(p[9]))"
        }
        return "INSERT INTO entries (\(EntryInserter.columns)) VALUES \(values.joined(separator: ", "))"
    }

    /// Inserts the batch's rows in order.
    func insert(_ batch: ImportBatch) throws {
        let perStatement = self.perStatement
        let multiple = self.multiple.sqliteStatement, single = self.single.sqliteStatement
        let text = UnsafeRawPointer(batch.bytes).assumingMemoryBound(to: CChar.self)
        try batch.rows.withUnsafeBufferPointer { rows in
            guard let first = rows.baseAddress else { return }
            var i = 0
            while i < rows.count {
                let n = rows.count - i >= perStatement ? perStatement : 1
                let s = n == 1 ? single : multiple
                for k in 0..<n {
                    Self.bind(first + i + k, text: text, to: s, from: 2 + Self.perRow * Int32(k))
                }
                let rc = sqlite3_step(s)
                sqlite3_reset(s)
                try EntryInserter.check(rc, db, path: path)
                i += n
            }
        }
    }

    /// Binds one row's parameters, numbered from `p`.
    @inline(__always)
    private static func bind(_ row: UnsafePointer<ImportRow>, text: UnsafePointer<CChar>, to s: OpaquePointer, from p: Int32) {
        let r = row.pointee
        sqlite3_bind_int64(s, p, r.seq)
        sqlite3_bind_int64(s, p + 1, r.at)
        let encoding = text + r.offset
        // kind is never NULL (empty stays empty text); empty optional fields are NULL.
        sqlite3_bind_text(s, p + 2, encoding + Int(r.text.kind.start), r.text.kind.count, nil)
        sqlite3_bind_int64(s, p + 3, r.quantity)
        bindOptional(s, p + 4, encoding, r.text.area)
        bindOptional(s, p + 5, encoding, r.text.demand)
        bindOptional(s, p + 6, encoding, r.text.care)
        bindOptional(s, p + 7, encoding, r.text.cause)
        bindOptional(s, p + 8, encoding, r.text.change)
        sqlite3_bind_blob(s, p + 9, UnsafeRawPointer(row) + ImportRow.hashOffset, 32, nil)
    }

    @inline(__always)
    private static func bindOptional(_ s: OpaquePointer, _ index: Int32, _ encoding: UnsafePointer<CChar>, _ span: TextSpan) {
        if span.count > 0 {
            sqlite3_bind_text(s, index, encoding + Int(span.start), span.count, nil)
        } else {
            sqlite3_bind_null(s, index)
        }
    }

    /// Unbinds everything, so that no pointer into the import's batches stays bound.
    func finish() {
        sqlite3_clear_bindings(single.sqliteStatement)
        sqlite3_clear_bindings(multiple.sqliteStatement)
    }
}
