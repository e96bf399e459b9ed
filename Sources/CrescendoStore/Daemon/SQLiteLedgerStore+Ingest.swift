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
            var next = cursor
            var lastRecorded: Int64?
            var entries: [LedgerEntry] = []
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries WHERE seq > ? ORDER BY seq",
                                            arguments: [cursor.entrySeq], path: path)
            while let row = try reader.next() {
                entries.append(row.stored.entry)
                next.entrySeq = row.stored.seq
                lastRecorded = max(lastRecorded ?? .min, row.stored.recordedAt.seconds)
            }
            var indicators: [IndicatorSample] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, at, name, value FROM indicator_samples WHERE id > ? ORDER BY id",
                                        arguments: [cursor.indicatorID]) {
                indicators.append(IndicatorSample(at: Instant(seconds: row[1]), name: row[2], value: row[3]))
                next.indicatorID = row[0]
            }
            var responses: [Response] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, at, deadline, text, win, recorded_at FROM responses WHERE id > ? ORDER BY id",
                                        arguments: [cursor.responseID]) {
                responses.append(Response(at: Instant(seconds: row[1]), deadline: row[2], text: row[3],
                                          win: (row[4] as String?).flatMap(Response.Win.init(rawValue:))))
                next.responseID = row[0]
                lastRecorded = max(lastRecorded ?? .min, row[5])
            }
            return NewFacts(entries: entries, indicators: indicators, responses: responses,
                            lastRecordedAt: lastRecorded.map { Instant(seconds: $0) }, cursor: next)
        }
    }
}
