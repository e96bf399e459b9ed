import CrescendoCore
import CrescendoStore
import PostgresNIO

/// Retry-safe writes (schema v5). A key is checked and claimed inside the transaction that
/// holds the chain-head lock, so two daemons given the same key at once write it once.
extension PostgresLedgerStore {
    public func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord? {
        try await withConnection { c in try await self.claim(scope: scope, key: key, c) }
    }

    @discardableResult
    public func pruneIdempotencyKeys(before cutoff: Instant) async throws -> Int {
        try await count("DELETE FROM idempotency_keys WHERE created_at < \(cutoff.seconds) RETURNING 1")
    }

    public func ingest(_ batches: [IngestBatch], recordedAt: Instant) async throws -> [WriteOutcome] {
        try await transaction { c in
            var chain = try await self.lockHead(c)
            var rows = RowInserter(table: "entries", columns: EntryCopyLine.columns)
            var out: [WriteOutcome] = []
            var audit: [AuditEvent] = []
            for batch in batches {
                if let claim = batch.note?.claim, let first = try await self.claim(scope: claim.scope, key: claim.key, c) {
                    out.append(.claimed(first))
                    continue
                }
                let stored = try await self.link(batch.entries.map { Pending(entry: $0) }, recordedAt: recordedAt, &chain, &rows, c)
                if let note = batch.note {
                    var line = note.audit
                    line.ids = AuditEvent.seqs(stored)
                    audit.append(line)
                    if let claim = note.claim, let reply = batch.reply?(stored) { try await self.keep(claim, reply, recordedAt, c) }
                }
                out.append(.recorded(stored))
            }
            _ = try await rows.finish(c, logger: self.logger)
            try await self.saveHead(chain, c)
            try await self.insertAudit(audit, c)
            return out
        }
    }

    public func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant,
                                note: WriteNote, reply: StoredReply) async throws -> WriteOutcome {
        try await transaction { c in
            _ = try await self.lockHead(c)
            if let claim = note.claim, let first = try await self.claim(scope: claim.scope, key: claim.key, c) { return .claimed(first) }
            try await self.insertSideFacts(indicators: indicators, responses: responses, recordedAt: recordedAt, c)
            try await self.insertAudit([note.audit], c)
            if let claim = note.claim { try await self.keep(claim, reply, recordedAt, c) }
            return .recorded([])
        }
    }

    private func claim(scope: String, key: String, _ c: PostgresConnection) async throws -> IdempotencyRecord? {
        let rows = try await c.run("""
            SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE scope = \(scope) AND key = \(key)
            """, logger: logger)
        for try await (fingerprint, status, body, created) in rows.decode((String, Int64, String, Int64).self) {
            return IdempotencyRecord(fingerprint: fingerprint, reply: StoredReply(status: Int(status), body: body), createdAt: Instant(seconds: created))
        }
        return nil
    }

    private func keep(_ claim: IdempotencyClaim, _ reply: StoredReply, _ at: Instant, _ c: PostgresConnection) async throws {
        try await c.run("""
            INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at)
            VALUES (\(claim.scope), \(claim.key), \(claim.fingerprint), \(Int64(reply.status)), \(reply.body), \(at.seconds))
            """, logger: logger)
    }
}
