import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func appendBatches(_ batches: [[LedgerEntry]], recordedAt: Instant) async throws -> [[StoredEntry]] {
        try await ingest(batches.map { IngestBatch(entries: $0) }, recordedAt: recordedAt).map { outcome in
            if case .recorded(let stored) = outcome { return stored }
            return []
        }
    }

    public func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant) async throws {
        try await asyncWrite { db in try Self.insertSideFacts(indicators: indicators, responses: responses, recordedAt: recordedAt, db) }
    }

    /// Inserts indicator samples and responses inside an open transaction.
    static func insertSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant, _ db: Database) throws {
        for s in indicators {
            try db.execute(sql: "INSERT INTO indicator_samples (at, name, value) VALUES (?, ?, ?)",
                           arguments: [s.at.seconds, s.name, s.value])
        }
        for r in responses {
            try db.execute(sql: "INSERT INTO responses (deadline, at, text, win, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [r.deadline, r.at.seconds, r.text, r.win?.rawValue, recordedAt.seconds])
        }
    }

    public func facts(after cursor: FactCursor) throws -> NewFacts {
        try read { db in
            // Room for every entry after the cursor at once: at a start that is the whole
            // ledger, and growing the array by doubling held its old and new buffers together.
            let top = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM entries") ?? 0
            return try readFacts(db, entries: "seq > ? ORDER BY seq", side: "id > ? ORDER BY id",
                                 [cursor.entrySeq], [cursor.indicatorID], [cursor.responseID], from: cursor,
                                 expected: Int(max(0, top - cursor.entrySeq)))
        }
    }

    public func facts(from start: Instant, through cursor: FactCursor) throws -> NewFacts {
        try read { db in
            var facts = try readFacts(db, entries: "at >= ? AND seq <= ? ORDER BY at, seq", side: "at >= ? AND id <= ? ORDER BY at, id",
                                      [start.seconds, cursor.entrySeq], [start.seconds, cursor.indicatorID], [start.seconds, cursor.responseID],
                                      from: FactCursor())
            facts.cursor = cursor
            return facts
        }
    }

    /// The facts `entries` selects (a `WHERE` clause's condition and order, on `seq`) and
    /// `side` selects among indicator samples and responses (on `id`), and the cursor past the
    /// last of each (or `from`'s, for none); `expected`: the entries to make room for.
    private func readFacts(_ db: Database, entries: String, side: String, _ entryArguments: StatementArguments,
                           _ indicatorArguments: StatementArguments, _ responseArguments: StatementArguments,
                           from cursor: FactCursor, expected: Int = 0) throws -> NewFacts {
        var next = cursor
        var lastRecorded: Int64?
        var found: [LedgerEntry] = []
        found.reserveCapacity(expected)
        var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE \(entries)",
                                        arguments: entryArguments, path: path)
        // The facts need the entries, not their hashes as text.
        while let row = try reader.next(hashText: false, hashBytes: false) {
            found.append(row.stored.entry)
            next.entrySeq = max(next.entrySeq, row.stored.seq)
            lastRecorded = max(lastRecorded ?? .min, row.stored.recordedAt.seconds)
        }
        var indicators: [IndicatorSample] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, at, name, value FROM indicator_samples WHERE \(side)", arguments: indicatorArguments) {
            indicators.append(IndicatorSample(at: Instant(seconds: row[1]), name: row[2], value: row[3]))
            next.indicatorID = max(next.indicatorID, row[0])
        }
        var responses: [Response] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, at, deadline, text, win, recorded_at FROM responses WHERE \(side)",
                                    arguments: responseArguments) {
            responses.append(Response(at: Instant(seconds: row[1]), deadline: row[2], text: row[3],
                                      win: (row[4] as String?).flatMap(Response.Win.init(rawValue:))))
            next.responseID = max(next.responseID, row[0])
            lastRecorded = max(lastRecorded ?? .min, row[5])
        }
        return NewFacts(entries: found, indicators: indicators, responses: responses,
                        lastRecordedAt: lastRecorded.map { Instant(seconds: $0) }, cursor: next)
    }
}
