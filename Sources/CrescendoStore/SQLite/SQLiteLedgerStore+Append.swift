import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func append(_ entry: LedgerEntry, recordedAt: Instant) throws -> StoredEntry {
        try write { db in
            var inserter = try EntryInserter(db, path: path)
            let stored = try inserter.append(entry, recordedAt: recordedAt)
            try inserter.saveHead()
            return stored
        }
    }

    public func correct(seq: Int64, with entry: LedgerEntry, reason: String, recordedAt: Instant) throws -> StoredEntry {
        try write { db in
            guard try Int64.fetchOne(db, sql: "SELECT seq FROM entries WHERE seq = ?", arguments: [seq]) != nil else {
                throw StoreError.noSuchEntry(seq: seq)
            }
            var inserter = try EntryInserter(db, path: path)
            let stored = try inserter.append(entry, recordedAt: recordedAt, corrects: seq, reason: reason)
            try inserter.saveHead()
            return stored
        }
    }

    public func importEntries(recordedAt: Instant, progress: ((Int) -> Void)?, _ next: () throws -> LedgerEntry?) throws -> ImportSummary {
        try write { db in
            // A 64 MiB page cache keeps a large import from spilling pages to the WAL mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            var inserter = try EntryInserter(db, path: path)
            let before = inserter.seq
            while var entry = try next() {
                try inserter.insert(&entry, recordedAt: recordedAt)
                if let progress, inserter.written & 0xFFFF == 0 { progress(inserter.written) }
            }
            try inserter.saveHead()
            progress?(inserter.written)
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
            var head = inserter.head
            head.count = count
            return ImportSummary(count: inserter.written, firstSeq: inserter.written > 0 ? before + 1 : nil, head: head)
        }
    }
}
