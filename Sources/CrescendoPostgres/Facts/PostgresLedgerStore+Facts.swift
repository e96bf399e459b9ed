import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    public func importIndicators(_ next: () throws -> IndicatorSample?) async throws -> Int {
        try await transaction { c in
            _ = try await self.lockHead(c)
            var rows = RowInserter(table: "indicator_samples", columns: ["at", "name", "value"])
            while let s = try next() {
                try await rows.add(c, logger: self.logger) { $0.append(s.at.seconds); $0.append(s.name); $0.append(s.value) }
            }
            return try await rows.finish(c, logger: self.logger)
        }
    }

    public func indicatorSamples() async throws -> [IndicatorSample] {
        try await withConnection { c in
            var out: [IndicatorSample] = []
            let rows = try await c.run("SELECT at, name, value FROM indicator_samples ORDER BY at, id", logger: self.logger)
            for try await (at, name, value) in rows.decode((Int64, String, Double).self) {
                out.append(IndicatorSample(at: Instant(seconds: at), name: name, value: value))
            }
            return out
        }
    }

    /// In one transaction under the chain-head lock, so row ids rise in commit order.
    public func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant) async throws {
        try await transaction { c in
            _ = try await self.lockHead(c)
            try await self.insertSideFacts(indicators: indicators, responses: responses, recordedAt: recordedAt, c)
        }
    }

    /// Inserts indicator samples and responses inside an open transaction (holding the head lock).
    func insertSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant, _ c: PostgresConnection) async throws {
        var samples = RowInserter(table: "indicator_samples", columns: ["at", "name", "value"])
        for s in indicators {
            try await samples.add(c, logger: self.logger) { $0.append(s.at.seconds); $0.append(s.name); $0.append(s.value) }
        }
        _ = try await samples.finish(c, logger: self.logger)
        var answers = RowInserter(table: "responses", columns: ["deadline", "at", "text", "win", "recorded_at"])
        for r in responses {
            try await answers.add(c, logger: self.logger) {
                $0.append(Int64(r.deadline)); $0.append(r.at.seconds); $0.append(r.text); $0.append(r.win?.rawValue)
                $0.append(recordedAt.seconds)
            }
        }
        _ = try await answers.finish(c, logger: self.logger)
    }

    public func responses() async throws -> [Response] {
        try await withConnection { c in
            var out: [Response] = []
            let rows = try await c.run("SELECT at, deadline, text, win FROM responses ORDER BY at, id", logger: self.logger)
            for try await (at, deadline, text, win) in rows.decode((Int64, Int64, String, String?).self) {
                out.append(Response(at: Instant(seconds: at), deadline: Int(deadline), text: text, win: win.flatMap(Response.Win.init(rawValue:))))
            }
            return out
        }
    }

    public func importMoneyFlows(_ next: () throws -> MoneyFlow?) async throws -> Int {
        try await transaction { c in
            var rows = RowInserter(table: "money_flows", columns: ["date", "\"from\"", "\"to\"", "category", "amount", "currency", "source"])
            while let f = try next() {
                try await rows.add(c, logger: self.logger) {
                    $0.append(f.date.iso8601); $0.append(f.from); $0.append(f.to); $0.append(f.category.rawValue)
                    $0.append(f.amount.milli); $0.append(f.currency); $0.append(f.source)
                }
            }
            return try await rows.finish(c, logger: self.logger)
        }
    }

    public func moneyFlows() async throws -> [MoneyFlow] {
        try await withConnection { c in
            var out: [MoneyFlow] = []
            let rows = try await c.run(#"SELECT date, "from", "to", category, amount, currency, source FROM money_flows ORDER BY date, id"#,
                                         logger: self.logger)
            for try await (date, from, to, category, amount, currency, source) in rows.decode((String, String, String, String, Int64, String, String).self) {
                guard let day = TimeParsing.date(date), let kind = MoneyFlow.Category(rawValue: category) else { continue }
                out.append(MoneyFlow(date: day, from: from, to: to, category: kind, amount: Quantity(milli: amount), currency: currency, source: source))
            }
            return out
        }
    }

    /// Read in one snapshot, so the cursor moves past exactly what was returned.
    public func facts(after cursor: FactCursor) async throws -> NewFacts {
        try await transaction(snapshot: true) { c in
            try await self.readFacts(c, entries: "WHERE seq > \(cursor.entrySeq) ORDER BY seq",
                                     indicators: "WHERE id > \(cursor.indicatorID) ORDER BY id",
                                     responses: "WHERE id > \(cursor.responseID) ORDER BY id", from: cursor)
        }
    }

    public func facts(from start: Instant, through cursor: FactCursor) async throws -> NewFacts {
        try await transaction(snapshot: true) { c in
            let at = start.seconds
            var facts = try await self.readFacts(c, entries: "WHERE at >= \(at) AND seq <= \(cursor.entrySeq) ORDER BY at, seq",
                                                 indicators: "WHERE at >= \(at) AND id <= \(cursor.indicatorID) ORDER BY at, id",
                                                 responses: "WHERE at >= \(at) AND id <= \(cursor.responseID) ORDER BY at, id",
                                                 from: FactCursor())
            facts.cursor = cursor
            return facts
        }
    }

    /// The facts each clause (`WHERE` and `ORDER BY`, on `seq` or `id`) selects, and the cursor
    /// past the last of each (or `from`'s, for none).
    private func readFacts(_ c: PostgresConnection, entries: PostgresQuery, indicators: PostgresQuery, responses: PostgresQuery,
                           from cursor: FactCursor) async throws -> NewFacts {
        var next = cursor
        var lastRecorded: Int64?
        var found: [LedgerEntry] = []
        for try await row in try await c.run(Self.prefixed("SELECT \(EntryRow.columns) FROM entries ", entries), logger: logger) {
            let s = try EntryRow.decode(row).stored
            found.append(s.entry)
            next.entrySeq = max(next.entrySeq, s.seq)
            lastRecorded = max(lastRecorded ?? .min, s.recordedAt.seconds)
        }
        var samples: [IndicatorSample] = []
        let sampleRows = try await c.run(Self.prefixed("SELECT id, at, name, value FROM indicator_samples ", indicators), logger: logger)
        for try await (id, at, name, value) in sampleRows.decode((Int64, Int64, String, Double).self) {
            samples.append(IndicatorSample(at: Instant(seconds: at), name: name, value: value))
            next.indicatorID = max(next.indicatorID, id)
        }
        var answers: [Response] = []
        let answerRows = try await c.run(Self.prefixed("SELECT id, at, deadline, text, win, recorded_at FROM responses ", responses), logger: logger)
        for try await (id, at, deadline, text, win, recordedAt) in answerRows.decode((Int64, Int64, Int64, String, String?, Int64).self) {
            answers.append(Response(at: Instant(seconds: at), deadline: Int(deadline), text: text, win: win.flatMap(Response.Win.init(rawValue:))))
            next.responseID = max(next.responseID, id)
            lastRecorded = max(lastRecorded ?? .min, recordedAt)
        }
        return NewFacts(entries: found, indicators: samples, responses: answers,
                        lastRecordedAt: lastRecorded.map { Instant(seconds: $0) }, cursor: next)
    }

    /// `clause` (its SQL and binds) after a fixed `SELECT ... FROM ...`.
    private static func prefixed(_ select: String, _ clause: PostgresQuery) -> PostgresQuery {
        PostgresQuery(unsafeSQL: select + clause.sql, binds: clause.binds)
    }
}
