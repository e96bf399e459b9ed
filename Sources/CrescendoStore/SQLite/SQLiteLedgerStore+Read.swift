import CrescendoCore
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func entry(seq: Int64) throws -> StoredEntry? {
        try entries(EntryQuery(fromSeq: seq, toSeq: seq)).first
    }

    public func forEachEntry(after seq: Int64, _ body: (StoredEntry) throws -> Void) throws {
        try bulkRead { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE seq > ? ORDER BY seq",
                                            arguments: [seq], path: path)
            while let row = try reader.next() { try body(row.stored) }
        }
    }

    public func forEachEntry(from start: Instant, through seq: Int64, _ body: (StoredEntry) throws -> Void) throws {
        try bulkRead { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE at >= ? AND seq <= ? ORDER BY at, seq",
                                            arguments: [start.seconds, seq], path: path)
            while let row = try reader.next() { try body(row.stored) }
        }
    }

    public func corrections(through seq: Int64) throws -> [StoredEntry] {
        try read { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE corrects IS NOT NULL AND seq <= ? ORDER BY seq",
                                            arguments: [seq], path: path)
            var out: [StoredEntry] = []
            while let row = try reader.next() { out.append(row.stored) }
            return out
        }
    }

    public func entries(_ query: EntryQuery) throws -> [StoredEntry] {
        var clauses: [String] = []
        var arguments = StatementArguments()
        func add(_ clause: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            clauses.append(clause)
            arguments += [value]
        }
        add("kind = ?", query.kind)
        add("area = ?", query.area)
        add("demand = ?", query.demand)
        add("seq >= ?", query.fromSeq)
        add("seq <= ?", query.toSeq)
        add("at >= ?", query.since?.seconds)
        add("at < ?", query.until?.seconds)
        var sql = "SELECT \(EntryRowReader.columns) FROM entries"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY seq"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return try read { db in
            var reader = try EntryRowReader(db, sql: sql, arguments: arguments, path: path)
            var out: [StoredEntry] = []
            while let row = try reader.next() { out.append(row.stored) }
            return out
        }
    }

    public func forEachCurrentEntry(_ body: (LedgerEntry) throws -> Void) throws {
        let corrections: [Int64: LedgerEntry] = try bulkRead { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE corrects IS NOT NULL ORDER BY seq",
                                            path: path)
            var all: [StoredEntry] = []
            while let row = try reader.next() { all.append(row.stored) }
            return all.currentValues()
        }
        try bulkRead { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries ORDER BY seq", path: path)
            // The entries as they read, not their hashes as text.
            while let (stored, _) = try reader.next(hashText: false, hashBytes: false) {
                guard stored.corrects == nil else { continue }
                try body(corrections[stored.seq] ?? stored.entry)
            }
        }
    }

    public func head() throws -> ChainHead {
        try read { db in
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") else {
                return ChainHead(count: 0, seq: 0, hash: EntryHasher.genesis)
            }
            let hash: Data = row[1] ?? Data()
            return ChainHead(count: count, seq: row[0], hash: Hex.string(Array(hash)))
        }
    }
}
