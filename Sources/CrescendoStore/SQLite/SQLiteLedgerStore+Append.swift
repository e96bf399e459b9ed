import CrescendoCore
import CrescendoInputs
import Foundation
import GRDB

extension SQLiteLedgerStore {
    public func append(_ entry: LedgerEntry, recordedAt: Instant) throws -> StoredEntry {
        try appendOne(entry, recordedAt: recordedAt, corrects: nil, reason: nil)
    }

    public func correct(seq: Int64, with entry: LedgerEntry, reason: String, recordedAt: Instant) throws -> StoredEntry {
        try appendOne(entry, recordedAt: recordedAt, corrects: seq, reason: reason)
    }

    private func appendOne(_ entry: LedgerEntry, recordedAt: Instant, corrects: Int64?, reason: String?) throws -> StoredEntry {
        try write { db in
            if let corrects, try Int64.fetchOne(db, sql: "SELECT seq FROM entries WHERE seq = ?", arguments: [corrects]) == nil {
                throw StoreError.noSuchEntry(seq: corrects)
            }
            var chain = try EntryInserter.chain(db)
            var e = entry
            let reasonText = try chain.link(&e, recordedAt: recordedAt, corrects: corrects, reason: reason)
            let inserter = try EntryInserter(db, path: path)
            try chain.previous.withUnsafeBytes {
                try inserter.insert(e, recordedAt: recordedAt, corrects: corrects, reason: reasonText, hash: $0)
            }
            try EntryInserter.saveHead(chain, db)
            return StoredEntry(entry: e, recordedAt: recordedAt, corrects: corrects, correctionReason: reasonText, hash: Hex.string(chain.previous))
        }
    }

    /// Imports in one transaction. One thread calls `next`, numbers and checks the entries and
    /// writes their encodings, in batches; the database thread chains their hashes and inserts them.
    public func importEntries(recordedAt: Instant, progress: ((Int) -> Void)?, _ next: () throws -> LedgerEntry?) throws -> ImportSummary {
        let rollbackJournal = beginBulkImport()
        defer { endBulkImport(restoringWAL: rollbackJournal) }
        return try write { db in
            // A 64 MiB page cache keeps a large import from spilling pages mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            let start = try EntryInserter.chain(db)
            let countBefore = try Int64.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
            let inserter = try ImportInserter(db, path: path, recordedAt: recordedAt)
            defer { inserter.finish() }
            let queue = BatchQueue<ImportBatch>()
            let encoder = ImportEncoder(startSeq: start.seq, recordedAt: recordedAt, queue: queue)
            var links = ImportChain(start)
            var written = 0
            try withoutActuallyEscaping(next) { next in
                encoder.start(next)
                defer { queue.waitUntilFinished() }
                do {
                    while let batch = try queue.take() {
                        links.link(batch)
                        try inserter.insert(batch)
                        written += batch.count
                        if written & 0xFFFF < batch.count { progress?(written) }
                        queue.recycle(batch)
                    }
                } catch {
                    queue.cancel()
                    throw error
                }
            }
            let chain = links.chain
            try EntryInserter.saveHead(chain, db)
            progress?(written)
            // Counted before the import (a count now would walk every page just written).
            let count = countBefore + Int64(written)
            return ImportSummary(count: written, firstSeq: written > 0 ? start.seq + 1 : nil,
                                 head: ChainHead(count: count, seq: chain.seq, hash: Hex.string(chain.previous)))
        }
    }
}

extension SQLiteLedgerStore {
    /// Readies the connection for a bulk import; returns whether it switched to a rollback journal.
    ///
    /// A bulk import writes each page once with a rollback journal, where WAL writes it twice
    /// (to the log, then to the database at the checkpoint). The switch succeeds only when no
    /// other connection is reading or writing; otherwise the import runs in WAL mode.
    ///
    /// Either way the import runs with `synchronous = FULL` (the connection otherwise runs WAL's
    /// usual NORMAL): the rollback journal is synced before the database file is written, and
    /// the database before the journal is deleted, so a crash or a power cut at any moment
    /// leaves the ledger as it was or with the whole import; in WAL mode the commit is synced.
    func beginBulkImport() -> Bool {
        guard path != ":memory:" else { return false }
        return (try? dbQueue.writeWithoutTransaction { db -> Bool in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
        }) ?? false
    }

    /// Back to WAL (when the import left it) and NORMAL syncing, so readers and writers can work
    /// side by side again.
    func endBulkImport(restoringWAL: Bool) {
        guard path != ":memory:" else { return }
        _ = try? dbQueue.writeWithoutTransaction { db in
            if restoringWAL { _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
    }
}
