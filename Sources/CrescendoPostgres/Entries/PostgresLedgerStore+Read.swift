import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    public func entry(seq: Int64) async throws -> StoredEntry? {
        try await entries(EntryQuery(fromSeq: seq, toSeq: seq)).first
    }

    public func entries(_ query: EntryQuery) async throws -> [StoredEntry] {
        var clauses: [String] = []
        var binds = PostgresBindings()
        func add(_ clause: String, _ value: String?) {
            guard let value else { return }
            binds.append(value)
            clauses.append("\(clause) $\(binds.count)")
        }
        func add(_ clause: String, _ value: Int64?) {
            guard let value else { return }
            binds.append(value)
            clauses.append("\(clause) $\(binds.count)")
        }
        add("kind =", query.kind)
        add("area =", query.area)
        add("demand =", query.demand)
        add("seq >=", query.fromSeq)
        add("seq <=", query.toSeq)
        add("at >=", query.since?.seconds)
        add("at <", query.until?.seconds)
        var sql = "SELECT \(EntryRow.columns) FROM entries"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY seq"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        let statement = PostgresQuery(unsafeSQL: sql, binds: binds)
        return try await withConnection { c in
            var out: [StoredEntry] = []
            for try await row in try await c.run(statement, logger: self.logger) { out.append(try EntryRow.decode(row).stored) }
            return out
        }
    }

    /// Streams one query's rows to `body` (the server sends them as the reader takes them).
    public func forEachEntry(after seq: Int64, _ body: (StoredEntry) throws -> Void) async throws {
        try await withConnection { c in
            let rows = try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries WHERE seq > \(seq) ORDER BY seq", logger: self.logger)
            for try await row in rows { try body(try EntryRow.decode(row).stored) }
        }
    }

    public func forEachEntry(from start: Instant, through seq: Int64, _ body: (StoredEntry) throws -> Void) async throws {
        try await withConnection { c in
            let rows = try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries WHERE at >= \(start.seconds) AND seq <= \(seq) ORDER BY at, seq",
                                       logger: self.logger)
            for try await row in rows { try body(try EntryRow.decode(row).stored) }
        }
    }

    public func corrections(through seq: Int64) async throws -> [StoredEntry] {
        try await withConnection { c in
            var out: [StoredEntry] = []
            let rows = try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries WHERE corrects IS NOT NULL AND seq <= \(seq) ORDER BY seq",
                                       logger: self.logger)
            for try await row in rows { out.append(try EntryRow.decode(row).stored) }
            return out
        }
    }

    public func forEachCurrentEntry(_ body: (LedgerEntry) throws -> Void) async throws {
        try await transaction(snapshot: true) { c in
            var all: [StoredEntry] = []
            let corrections = try await c.run(
                "SELECT \(unescaped: EntryRow.columns) FROM entries WHERE corrects IS NOT NULL ORDER BY seq", logger: self.logger)
            for try await row in corrections { all.append(try EntryRow.decode(row).stored) }
            let latest = all.currentValues()
            let rows = try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries WHERE corrects IS NULL ORDER BY seq",
                                         logger: self.logger)
            for try await row in rows {
                let s = try EntryRow.decode(row).stored
                try body(latest[s.seq] ?? s.entry)
            }
        }
    }

    public func head() async throws -> ChainHead {
        try await transaction(snapshot: true) { c in
            let count = try await c.run("SELECT count(*) FROM entries", logger: self.logger).value(Int64.self) ?? 0
            let (seq, hash) = try await self.newest(c)
            return ChainHead(count: count, seq: seq, hash: hash)
        }
    }

    /// The version of what the site shows, in one snapshot (four index lookups).
    public func version() async throws -> LedgerVersion {
        try await transaction(snapshot: true) { c in
            let (seq, hash) = try await self.newest(c)
            func last(_ table: String) async throws -> Int64 {
                try await c.run(PostgresQuery(unsafeSQL: "SELECT coalesce(max(id), 0) FROM \(table)"), logger: self.logger).value(Int64.self) ?? 0
            }
            return LedgerVersion(headSeq: seq, headHash: hash, lastIndicatorID: try await last("indicator_samples"),
                                 lastResponseID: try await last("responses"), lastMoneyFlowID: try await last("money_flows"))
        }
    }

    /// The newest entry's seq and hash in hex, as the entries hold them (0 and zeros when empty).
    private func newest(_ c: PostgresConnection) async throws -> (Int64, String) {
        let rows = try await c.run("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1", logger: logger)
        for try await (seq, hash) in rows.decode((Int64, ByteBuffer).self) { return (seq, Hex.string(Array(hash.readableBytesView))) }
        return (0, EntryHasher.genesis)
    }

    /// Recomputes the chain from the entries in one snapshot (`ChainVerifier`), and checks
    /// that it reaches the head the last write recorded.
    public func verify() async throws -> ChainReport {
        try await transaction(snapshot: true) { c in
            var chain = ChainVerifier()
            let rows = try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries ORDER BY seq", logger: self.logger)
            for try await row in rows {
                let (stored, hash) = try EntryRow.decode(row)
                guard chain.check(stored, hash: hash) else { return chain.report }
            }
            let recorded = try await c.run("SELECT seq FROM chain_head WHERE id = 1", logger: self.logger).value(Int64.self) ?? 0
            chain.finish(recordedHead: recorded)
            return chain.report
        }
    }
}
