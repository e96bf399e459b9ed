import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    /// An entry to link, with what it corrects.
    struct Pending {
        var entry: LedgerEntry
        var corrects: Int64?
        var reason: String?
    }

    public func append(_ entry: LedgerEntry, recordedAt: Instant) async throws -> StoredEntry {
        try await appendLinked([[Pending(entry: entry)]], recordedAt: recordedAt)[0][0]
    }

    public func correct(seq: Int64, with entry: LedgerEntry, reason: String, recordedAt: Instant) async throws -> StoredEntry {
        try await appendLinked([[Pending(entry: entry, corrects: seq, reason: reason)]], recordedAt: recordedAt)[0][0]
    }

    public func appendBatches(_ batches: [[LedgerEntry]], recordedAt: Instant) async throws -> [[StoredEntry]] {
        try await ingest(batches.map { IngestBatch(entries: $0) }, recordedAt: recordedAt).map { outcome in
            if case .recorded(let stored) = outcome { return stored }
            return []
        }
    }

    /// Links and inserts every batch in one transaction, under the chain-head lock: one group
    /// commit, one WAL flush, however many batches.
    func appendLinked(_ batches: [[Pending]], recordedAt: Instant) async throws -> [[StoredEntry]] {
        try await transaction { c in
            var chain = try await self.lockHead(c)
            var rows = RowInserter(table: "entries", columns: EntryCopyLine.columns)
            var out: [[StoredEntry]] = []
            for batch in batches { out.append(try await self.link(batch, recordedAt: recordedAt, &chain, &rows, c)) }
            _ = try await rows.finish(c, logger: self.logger)
            try await self.saveHead(chain, c)
            return out
        }
    }

    /// Links one batch onto `chain` and adds its rows to `rows` (inside the transaction that
    /// holds the head lock).
    func link(_ batch: [Pending], recordedAt: Instant, _ chain: inout EntryChain, _ rows: inout RowInserter,
              _ c: PostgresConnection) async throws -> [StoredEntry] {
        var stored: [StoredEntry] = []
        for p in batch {
            if let target = p.corrects, try await c.run("SELECT 1 FROM entries WHERE seq = \(target)", logger: logger)
                .value(Int32.self) == nil {
                throw StoreError.noSuchEntry(seq: target)
            }
            var e = p.entry
            let reason = try chain.link(&e, recordedAt: recordedAt, corrects: p.corrects, reason: p.reason)
            try PostgresText.check(e, reason: reason)
            let hash = chain.previous
            try await rows.add(c, logger: logger) { b in
                b.append(e.seq); b.append(e.at.seconds); b.append(recordedAt.seconds); b.append(e.kind)
                b.append(e.quantity.milli); b.append(e.area); b.append(e.demand); b.append(e.care)
                b.append(e.cause); b.append(e.change); b.append(p.corrects); b.append(reason)
                b.append(ByteBuffer(bytes: hash))
            }
            stored.append(StoredEntry(entry: e, recordedAt: recordedAt, corrects: p.corrects, correctionReason: reason, hash: Hex.string(hash)))
        }
        return stored
    }

    /// Imports in one transaction, under the chain-head lock, through `COPY ... FROM STDIN`:
    /// each entry is linked as it is read and sent in 1 MiB chunks, so memory stays flat.
    public func importEntries(recordedAt: Instant, progress: ((Int) -> Void)?, _ next: () throws -> LedgerEntry?) async throws -> ImportSummary {
        try await transaction { c in
            var chain = try await self.lockHead(c)
            let start = chain.seq
            let countBefore = try await c.run("SELECT count(*) FROM entries", logger: self.logger).value(Int64.self) ?? 0
            var written = 0
            try await c.copyFrom(table: "entries", columns: EntryCopyLine.columns, logger: self.logger) { writer in
                var buffer = ByteBuffer()
                buffer.reserveCapacity(Self.copyChunk + 4096)
                while var e = try next() {
                    try chain.link(&e, recordedAt: recordedAt)
                    try EntryCopyLine.append(e, recordedAt: recordedAt, corrects: nil, reason: nil, hash: chain.previous, to: &buffer)
                    written += 1
                    if buffer.readableBytes >= Self.copyChunk {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                    if written & 0xFFFF == 0 { progress?(written) }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
            try await self.saveHead(chain, c)
            progress?(written)
            return ImportSummary(count: written, firstSeq: written > 0 ? start + 1 : nil,
                                 head: ChainHead(count: countBefore + Int64(written), seq: chain.seq, hash: Hex.string(chain.previous)))
        }
    }

    /// Bytes of COPY data sent at a time.
    static let copyChunk = 1 << 20
}
