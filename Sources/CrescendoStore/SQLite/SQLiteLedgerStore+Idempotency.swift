import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func idempotencyRecord(scope: String, key: String) throws -> IdempotencyRecord? {
        try read { db in try Self.claim(scope: scope, key: key, db) }
    }

    public func pruneIdempotencyKeys(before cutoff: Instant) async throws -> Int {
        try await asyncWrite { db in
            try db.execute(sql: AccessSQL.pruneKeys, arguments: [cutoff.seconds])
            return db.changesCount
        }
    }

    public func ingest(_ batches: [IngestBatch], recordedAt: Instant) async throws -> [WriteOutcome] {
        let path = self.path
        return try await asyncWrite { db in
            var chain = try EntryInserter.chain(db)
            let inserter = try EntryInserter(db, path: path)
            var out: [WriteOutcome] = []
            out.reserveCapacity(batches.count)
            var audit: [AuditEvent] = []
            for batch in batches {
                if let claim = batch.note?.claim, let first = try Self.claim(scope: claim.scope, key: claim.key, db) {
                    out.append(.claimed(first))
                    continue
                }
                let stored = try batch.entries.map { entry in
                    var e = entry
                    _ = try chain.link(&e, recordedAt: recordedAt, corrects: nil, reason: nil)
                    try chain.previous.withUnsafeBytes {
                        try inserter.insert(e, recordedAt: recordedAt, corrects: nil, reason: nil, hash: $0)
                    }
                    return StoredEntry(entry: e, recordedAt: recordedAt, hash: Hex.string(chain.previous))
                }
                if let note = batch.note {
                    var line = note.audit
                    line.ids = AuditEvent.seqs(stored)
                    audit.append(line)
                    if let claim = note.claim, let reply = batch.reply?(stored) { try Self.keep(claim, reply, recordedAt, db) }
                }
                out.append(.recorded(stored))
            }
            try EntryInserter.saveHead(chain, db)
            try Self.insert(audit, db)
            return out
        }
    }

    public func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant,
                                note: WriteNote, reply: StoredReply) async throws -> WriteOutcome {
        try await asyncWrite { db in
            if let claim = note.claim, let first = try Self.claim(scope: claim.scope, key: claim.key, db) { return .claimed(first) }
            try Self.insertSideFacts(indicators: indicators, responses: responses, recordedAt: recordedAt, db)
            try Self.insert([note.audit], db)
            if let claim = note.claim { try Self.keep(claim, reply, recordedAt, db) }
            return .recorded([])
        }
    }

    private static func claim(scope: String, key: String, _ db: Database) throws -> IdempotencyRecord? {
        try Row.fetchOne(db, sql: AccessSQL.claimOfKey, arguments: [scope, key]).map { row in
            IdempotencyRecord(fingerprint: row[0], reply: StoredReply(status: row[1], body: row[2]), createdAt: Instant(seconds: row[3]))
        }
    }

    private static func keep(_ claim: IdempotencyClaim, _ reply: StoredReply, _ at: Instant, _ db: Database) throws {
        try db.execute(sql: AccessSQL.claimKey, arguments: [claim.scope, claim.key, claim.fingerprint, reply.status, reply.body, at.seconds])
    }
}
