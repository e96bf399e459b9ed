import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    /// Writes another store's rows in one transaction under the chain-head lock: the entries
    /// through `COPY` (each checked against the chain as it goes by), the other tables through
    /// multi-row `INSERT`s, in the order they come (so ids, decision order and delivery order
    /// are kept).
    public func restore(from source: String, _ next: () throws -> LedgerRecord?) async throws -> LedgerContents {
        try await transaction { c in
            _ = try await self.lockHead(c)
            let before = try await self.contentsInTransaction(c)
            guard before.isEmpty else { throw StoreError.notEmpty(path: self.location, holds: before.description) }
            var written = LedgerContents()
            var chain = ChainVerifier()
            var pending = try next()
            if case .campaign(let id)? = pending {
                try await self.restoreCampaign(id, c)
                pending = try next()
            }
            if case .entry? = pending {
                try await c.copyFrom(table: "entries", columns: EntryCopyLine.columns, logger: self.logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(Self.copyChunk + 4096)
                    while case .entry(let s)? = pending {
                        let hash = Hex.bytes(s.hash) ?? []
                        guard chain.check(s, hash: hash) else {
                            throw StoreError.brokenSource(path: source, problem: chain.problem?.message ?? "")
                        }
                        try EntryCopyLine.append(s.entry, recordedAt: s.recordedAt, corrects: s.corrects, reason: s.correctionReason,
                                                 hash: hash, to: &buffer)
                        written.entries += 1
                        if buffer.readableBytes >= Self.copyChunk {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                        pending = try next()
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
            var rows: RowInserter?
            while let record = pending {
                if case .campaign(let id) = record {
                    try await self.restoreCampaign(id, c)
                    pending = try next()
                    continue
                }
                guard let (table, columns) = Self.destination(record) else {
                    throw StoreError.database(path: self.location, message: "a copy's entries must come before its other rows")
                }
                if rows?.table != table {
                    _ = try await rows?.finish(c, logger: self.logger)
                    rows = RowInserter(table: table, columns: columns)
                }
                try await rows!.add(c, logger: self.logger) { Self.bind(record, to: &$0) }
                written.add(record)
                pending = try next()
            }
            _ = try await rows?.finish(c, logger: self.logger)
            // Audit ids were copied as they were: the next line is numbered after the last.
            try await c.run("SELECT setval(pg_get_serial_sequence('audit', 'id'), greatest(1, (SELECT max(id) FROM audit)), (SELECT count(*) > 0 FROM audit))",
                              logger: self.logger)
            try await self.saveHead(EntryChain(seq: chain.count, previous: chain.previous), c)
            return written
        }
    }

    /// Binds the ledger to the source's campaign (a target bound to another is refused).
    private func restoreCampaign(_ id: String, _ c: PostgresConnection) async throws {
        if let stored = try await c.run("SELECT value FROM meta WHERE key = 'campaign'", logger: logger).value(String.self), stored != id {
            throw StoreError.campaignMismatch(path: location, stored: stored, given: id)
        }
        try await c.run("INSERT INTO meta (key, value) VALUES ('campaign', \(id)) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          logger: logger)
    }

    /// The table and columns a record goes to (nil for the campaign and entries, written apart).
    private static func destination(_ record: LedgerRecord) -> (String, [String])? {
        switch record {
        case .campaign, .entry: return nil
        case .indicator: return ("indicator_samples", ["at", "name", "value"])
        case .response: return ("responses", ["deadline", "at", "text", "win", "recorded_at"])
        case .moneyFlow: return ("money_flows", ["date", "\"from\"", "\"to\"", "category", "amount", "currency", "source"])
        case .action:
            return ("actions", ["id", "campaign", "rule", "action", "due_at", "payload", "state", "attempts", "late", "delivered_at",
                                "decided_at", "reason"])
        case .delivery: return ("deliveries", ["action_id", "channel", "state", "attempts", "next_attempt_at", "last_error", "delivered_at"])
        case .timer: return ("timers", ["id", "kind", "due_at", "payload", "campaign", "rule"])
        case .watermark: return ("daemon_watermarks", ["campaign", "judged_through", "alive_at"])
        case .token: return ("tokens", ["name", "hash", "role", "created_at", "expires_at", "last_used_at", "revoked_at"])
        case .audit: return ("audit", ["id", "at", "who", "role", "what", "ids", "outcome", "detail"])
        }
    }

    /// A record's values, in `destination`'s column order.
    private static func bind(_ record: LedgerRecord, to b: inout PostgresBindings) {
        switch record {
        case .campaign, .entry: break
        case .indicator(let s): b.append(s.at.seconds); b.append(s.name); b.append(s.value)
        case .response(let r, let recordedAt):
            b.append(Int64(r.deadline)); b.append(r.at.seconds); b.append(r.text); b.append(r.win?.rawValue); b.append(recordedAt.seconds)
        case .moneyFlow(let f):
            b.append(f.date.iso8601); b.append(f.from); b.append(f.to); b.append(f.category.rawValue); b.append(f.amount.milli)
            b.append(f.currency); b.append(f.source)
        case .action(let a):
            b.append(a.id); b.append(a.campaign); b.append(a.rule); b.append(a.action); b.append(a.dueAt.seconds); b.append(a.payload)
            b.append(a.state.rawValue); b.append(Int64(a.attempts)); b.append(a.late); b.append(a.deliveredAt?.seconds)
            b.append(a.decidedAt.seconds); b.append(a.reason)
        case .delivery(let d):
            b.append(d.actionID); b.append(d.channel); b.append(d.state.rawValue); b.append(Int64(d.attempts)); b.append(d.nextAttemptAt.seconds)
            b.append(d.lastError); b.append(d.deliveredAt?.seconds)
        case .timer(let id, let t):
            b.append(id); b.append(t.timer.kind); b.append(t.timer.at.seconds); b.append(t.timer.detail); b.append(t.campaign); b.append(t.timer.rule)
        case .watermark(let campaign, let w):
            b.append(campaign); b.append(w.judgedThrough.seconds); b.append(w.aliveAt.seconds)
        case .token(let t, let hash):
            b.append(t.name); b.append(hash); b.append(t.role.rawValue); b.append(t.createdAt.seconds); b.append(t.expiresAt?.seconds)
            b.append(t.lastUsedAt?.seconds); b.append(t.revokedAt?.seconds)
        case .audit(let e):
            b.append(e.id); b.append(e.at.seconds); b.append(e.who); b.append(e.role?.rawValue); b.append(e.what); b.append(e.ids)
            b.append(Int64(e.outcome)); b.append(e.detail)
        }
    }
}
