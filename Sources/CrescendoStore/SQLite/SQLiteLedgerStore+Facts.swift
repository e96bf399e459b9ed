import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func importIndicators(_ next: () throws -> IndicatorSample?) throws -> Int {
        try write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO indicator_samples (at, name, value) VALUES (?, ?, ?)")
            var n = 0
            while let s = try next() {
                try statement.execute(arguments: [s.at.seconds, s.name, s.value])
                n += 1
            }
            return n
        }
    }

    public func indicatorSamples() throws -> [IndicatorSample] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, name, value FROM indicator_samples ORDER BY at, id").map {
                IndicatorSample(at: Instant(seconds: $0[0]), name: $0[1], value: $0[2])
            }
        }
    }

    /// Records one response as it is, synchronously (imports and tests; `respond` judges first).
    public func recordResponse(_ response: Response, recordedAt: Instant) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO responses (deadline, at, text, win, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [response.deadline, response.at.seconds, response.text, response.win?.rawValue, recordedAt.seconds])
        }
    }

    public func responses() throws -> [Response] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, deadline, text, win FROM responses ORDER BY at, id").map {
                Response(at: Instant(seconds: $0[0]), deadline: $0[1], text: $0[2], win: ($0[3] as String?).flatMap(Response.Win.init(rawValue:)))
            }
        }
    }

    public func importMoneyFlows(_ next: () throws -> MoneyFlow?) throws -> Int {
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO money_flows (date, "from", "to", category, amount, currency, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            var n = 0
            while let f = try next() {
                try statement.execute(arguments: [f.date.iso8601, f.from, f.to, f.category.rawValue, f.amount.milli, f.currency, f.source])
                n += 1
            }
            return n
        }
    }

    public func moneyFlows() throws -> [MoneyFlow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT date, "from", "to", category, amount, currency, source FROM money_flows ORDER BY date, id
                """).compactMap { row -> MoneyFlow? in
                guard let date = TimeParsing.date(row[0]), let category = MoneyFlow.Category(rawValue: row[3]) else { return nil }
                return MoneyFlow(date: date, from: row[1], to: row[2], category: category, amount: Quantity(milli: row[4]),
                                 currency: row[5], source: row[6])
            }
        }
    }
}
