import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func contents() throws -> LedgerContents {
        try read { db in try Self.contents(db) }
    }

    static func contents(_ db: Database) throws -> LedgerContents {
        func count(_ table: String) throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        var c = LedgerContents()
        c.entries = try count("entries"); c.indicators = try count("indicator_samples"); c.responses = try count("responses")
        c.moneyFlows = try count("money_flows"); c.actions = try count("actions"); c.deliveries = try count("deliveries")
        c.timers = try count("timers"); c.watermarks = try count("daemon_watermarks")
        c.tokens = try count("tokens"); c.auditLines = try count("audit")
        return c
    }

    public func forEachRecord(_ body: (LedgerRecord) throws -> Void) throws {
        try bulkRead { db in
            if let campaign = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'campaign'") { try body(.campaign(campaign)) }
            var entries = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries ORDER BY seq", path: path)
            while let row = try entries.next() { try body(.entry(row.stored)) }
            func each(_ sql: String, _ record: (Row) -> LedgerRecord?) throws {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() { if let r = record(row) { try body(r) } }
            }
            try each("SELECT at, name, value FROM indicator_samples ORDER BY id") {
                .indicator(IndicatorSample(at: Instant(seconds: $0[0]), name: $0[1], value: $0[2]))
            }
            try each("SELECT at, deadline, text, win, recorded_at FROM responses ORDER BY id") {
                .response(Response(at: Instant(seconds: $0[0]), deadline: $0[1], text: $0[2],
                                   win: ($0[3] as String?).flatMap(Response.Win.init(rawValue:))), recordedAt: Instant(seconds: $0[4]))
            }
            try each(#"SELECT date, "from", "to", category, amount, currency, source FROM money_flows ORDER BY id"#) { row in
                guard let date = TimeParsing.date(row[0]), let category = MoneyFlow.Category(rawValue: row[3]) else { return nil }
                return .moneyFlow(MoneyFlow(date: date, from: row[1], to: row[2], category: category, amount: Quantity(milli: row[4]),
                                            currency: row[5], source: row[6]))
            }
            try each("""
                SELECT id, campaign, rule, action, due_at, payload, state, attempts, late, delivered_at, decided_at, reason
                FROM actions ORDER BY rowid
                """) { r in
                .action(ActionRecord(id: r[0], campaign: r[1], rule: r[2], action: r[3], dueAt: Instant(seconds: r[4]), payload: r[5],
                                     state: ActionRecord.State(rawValue: r[6]) ?? .pending, attempts: r[7], late: r[8],
                                     deliveredAt: (r[9] as Int64?).map { Instant(seconds: $0) }, decidedAt: Instant(seconds: r[10]),
                                     reason: r[11], channels: []))
            }
            try each("""
                SELECT d.action_id, a.campaign, d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload,
                       d.delivered_at
                FROM deliveries d JOIN actions a ON a.id = d.action_id ORDER BY a.rowid, d.rowid
                """) { r in
                .delivery(DeliveryRecord(actionID: r[0], campaign: r[1], channel: r[2], state: DeliveryRecord.State(rawValue: r[3]) ?? .pending,
                                         attempts: r[4], nextAttemptAt: Instant(seconds: r[5]), lastError: r[6], dueAt: Instant(seconds: r[7]),
                                         payload: r[8], deliveredAt: (r[9] as Int64?).map { Instant(seconds: $0) }))
            }
            try each("SELECT id, campaign, due_at, kind, rule, payload FROM timers ORDER BY campaign, due_at, id") {
                .timer(id: $0[0], TimerRecord(campaign: $0[1], timer: PendingTimer(at: Instant(seconds: $0[2]), kind: $0[3], rule: $0[4], detail: $0[5])))
            }
            try each("SELECT campaign, judged_through, alive_at FROM daemon_watermarks ORDER BY campaign") {
                .watermark(campaign: $0[0], Watermark(judgedThrough: Instant(seconds: $0[1]), aliveAt: Instant(seconds: $0[2])))
            }
            try each("SELECT name, role, created_at, expires_at, last_used_at, revoked_at, hash FROM tokens ORDER BY name") {
                .token(Self.token($0), hash: $0[6])
            }
            try each("SELECT \(AccessSQL.auditColumns) FROM audit ORDER BY id") { .audit(Self.auditEvent($0)) }
        }
    }

    public func restore(from source: String, _ next: () throws -> LedgerRecord?) throws -> LedgerContents {
        try write { db in
            let before = try Self.contents(db)
            guard before.isEmpty else { throw StoreError.notEmpty(path: path, holds: before.description) }
            let inserter = try EntryInserter(db, path: path)
            var chain = ChainVerifier()
            var written = LedgerContents()
            while let record = try next() {
                switch record {
                case .campaign(let id):
                    if let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'campaign'"), stored != id {
                        throw StoreError.campaignMismatch(path: path, stored: stored, given: id)
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('campaign', ?)", arguments: [id])
                case .entry(let s):
                    let hash = Hex.bytes(s.hash) ?? []
                    guard chain.check(s, hash: hash) else { throw StoreError.brokenSource(path: source, problem: chain.problem?.message ?? "") }
                    try hash.withUnsafeBytes {
                        try inserter.insert(s.entry, recordedAt: s.recordedAt, corrects: s.corrects, reason: s.correctionReason, hash: $0)
                    }
                case .indicator(let i):
                    try db.execute(sql: "INSERT INTO indicator_samples (at, name, value) VALUES (?, ?, ?)", arguments: [i.at.seconds, i.name, i.value])
                case .response(let r, let recordedAt):
                    try db.execute(sql: "INSERT INTO responses (deadline, at, text, win, recorded_at) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [r.deadline, r.at.seconds, r.text, r.win?.rawValue, recordedAt.seconds])
                case .moneyFlow(let f):
                    try db.execute(sql: #"INSERT INTO money_flows (date, "from", "to", category, amount, currency, source) VALUES (?, ?, ?, ?, ?, ?, ?)"#,
                                   arguments: [f.date.iso8601, f.from, f.to, f.category.rawValue, f.amount.milli, f.currency, f.source])
                case .action(let a):
                    try db.execute(sql: """
                        INSERT INTO actions (id, campaign, rule, action, due_at, payload, state, attempts, late, delivered_at, decided_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [a.id, a.campaign, a.rule, a.action, a.dueAt.seconds, a.payload, a.state.rawValue, a.attempts,
                                         a.late, a.deliveredAt?.seconds, a.decidedAt.seconds, a.reason])
                case .delivery(let d):
                    try db.execute(sql: """
                        INSERT INTO deliveries (action_id, channel, state, attempts, next_attempt_at, last_error, delivered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [d.actionID, d.channel, d.state.rawValue, d.attempts, d.nextAttemptAt.seconds, d.lastError,
                                         d.deliveredAt?.seconds])
                case .timer(let id, let t):
                    try db.execute(sql: "INSERT INTO timers (id, kind, due_at, payload, campaign, rule) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [id, t.timer.kind, t.timer.at.seconds, t.timer.detail, t.campaign, t.timer.rule])
                case .watermark(let campaign, let w):
                    try db.execute(sql: "INSERT INTO daemon_watermarks (campaign, judged_through, alive_at) VALUES (?, ?, ?)",
                                   arguments: [campaign, w.judgedThrough.seconds, w.aliveAt.seconds])
                case .token(let t, let hash):
                    try db.execute(sql: "INSERT INTO tokens (name, hash, role, created_at, expires_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [t.name, hash, t.role.rawValue, t.createdAt.seconds, t.expiresAt?.seconds, t.lastUsedAt?.seconds,
                                               t.revokedAt?.seconds])
                case .audit(let e):
                    try db.execute(sql: "INSERT INTO audit (id, at, who, role, what, ids, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [e.id, e.at.seconds, e.who, e.role?.rawValue, e.what, e.ids, e.outcome, e.detail])
                }
                written.add(record)
            }
            try EntryInserter.saveHead(EntryChain(seq: chain.count, previous: chain.previous), db)
            return written
        }
    }
}
