import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    /// The tables `contents()` counts, in `LedgerContents`' order.
    private static let counted = ["entries", "indicator_samples", "responses", "money_flows", "actions", "deliveries", "timers", "daemon_watermarks",
                                         "tokens", "audit"]

    public func contents() async throws -> LedgerContents {
        try await transaction(snapshot: true) { c in try await self.contentsInTransaction(c) }
    }

    func contentsInTransaction(_ c: PostgresConnection) async throws -> LedgerContents {
        var n: [Int64] = []
        for table in Self.counted {
            n.append(try await c.run(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger).value(Int64.self) ?? 0)
        }
        var out = LedgerContents()
        (out.entries, out.indicators, out.responses, out.moneyFlows) = (n[0], n[1], n[2], n[3])
        (out.actions, out.deliveries, out.timers, out.watermarks) = (n[4], n[5], n[6], n[7])
        (out.tokens, out.auditLines) = (n[8], n[9])
        return out
    }

    /// Streams every table in one snapshot (REPEATABLE READ), each query's rows as they come.
    public func forEachRecord(_ body: (LedgerRecord) throws -> Void) async throws {
        try await transaction(snapshot: true) { c in
            if let campaign = try await c.run("SELECT value FROM meta WHERE key = 'campaign'", logger: self.logger).value(String.self) {
                try body(.campaign(campaign))
            }
            for try await row in try await c.run("SELECT \(unescaped: EntryRow.columns) FROM entries ORDER BY seq", logger: self.logger) {
                try body(.entry(try EntryRow.decode(row).stored))
            }
            for try await (at, name, value) in try await c.run("SELECT at, name, value FROM indicator_samples ORDER BY id", logger: self.logger)
                .decode((Int64, String, Double).self) {
                try body(.indicator(IndicatorSample(at: Instant(seconds: at), name: name, value: value)))
            }
            for try await (at, deadline, text, win, recorded) in try await c.run(
                "SELECT at, deadline, text, win, recorded_at FROM responses ORDER BY id", logger: self.logger)
                .decode((Int64, Int64, String, String?, Int64).self) {
                try body(.response(Response(at: Instant(seconds: at), deadline: Int(deadline), text: text, win: win.flatMap(Response.Win.init(rawValue:))),
                                   recordedAt: Instant(seconds: recorded)))
            }
            for try await (date, from, to, category, amount, currency, source) in try await c.run(
                #"SELECT date, "from", "to", category, amount, currency, source FROM money_flows ORDER BY id"#, logger: self.logger)
                .decode((String, String, String, String, Int64, String, String).self) {
                guard let day = TimeParsing.date(date), let kind = MoneyFlow.Category(rawValue: category) else { continue }
                try body(.moneyFlow(MoneyFlow(date: day, from: from, to: to, category: kind, amount: Quantity(milli: amount),
                                              currency: currency, source: source)))
            }
            for try await (id, campaign, rule, action, due, payload, state, attempts, late, delivered, decided, reason) in try await c.run("""
                SELECT id, campaign, rule, action, due_at, payload, state, attempts, late, delivered_at, decided_at, reason
                FROM actions ORDER BY decided
                """, logger: self.logger).decode((String, String, String, String, Int64, String, String, Int64, Bool, Int64?, Int64, String?).self) {
                try body(.action(ActionRecord(id: id, campaign: campaign, rule: rule, action: action, dueAt: Instant(seconds: due), payload: payload,
                                              state: ActionRecord.State(rawValue: state) ?? .pending, attempts: Int(attempts), late: late,
                                              deliveredAt: delivered.map { Instant(seconds: $0) }, decidedAt: Instant(seconds: decided),
                                              reason: reason, channels: [])))
            }
            for try await (id, campaign, channel, state, attempts, next, error, due, payload, delivered) in try await c.run("""
                SELECT d.action_id, a.campaign, d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload, d.delivered_at
                FROM deliveries d JOIN actions a ON a.id = d.action_id ORDER BY a.decided, d.ord
                """, logger: self.logger).decode((String, String, String, String, Int64, Int64, String?, Int64, String, Int64?).self) {
                try body(.delivery(DeliveryRecord(actionID: id, campaign: campaign, channel: channel,
                                                  state: DeliveryRecord.State(rawValue: state) ?? .pending, attempts: Int(attempts),
                                                  nextAttemptAt: Instant(seconds: next), lastError: error, dueAt: Instant(seconds: due),
                                                  payload: payload, deliveredAt: delivered.map { Instant(seconds: $0) })))
            }
            for try await (id, campaign, at, kind, rule, payload) in try await c.run(
                "SELECT id, campaign, due_at, kind, rule, payload FROM timers ORDER BY campaign, due_at, id", logger: self.logger)
                .decode((String, String, Int64, String, String, String).self) {
                try body(.timer(id: id, TimerRecord(campaign: campaign, timer: PendingTimer(at: Instant(seconds: at), kind: kind, rule: rule, detail: payload))))
            }
            for try await (campaign, judged, alive) in try await c.run(
                "SELECT campaign, judged_through, alive_at FROM daemon_watermarks ORDER BY campaign", logger: self.logger)
                .decode((String, Int64, Int64).self) {
                try body(.watermark(campaign: campaign, Watermark(judgedThrough: Instant(seconds: judged), aliveAt: Instant(seconds: alive))))
            }
            for try await (name, role, created, expires, used, revoked, hash) in try await c.run(
                "SELECT name, role, created_at, expires_at, last_used_at, revoked_at, hash FROM tokens ORDER BY name", logger: self.logger)
                .decode((String, String, Int64, Int64?, Int64?, Int64?, String).self) {
                try body(.token(Self.token(name, role, created, expires, used, revoked), hash: hash))
            }
            for try await row in try await c.run("SELECT \(unescaped: Self.auditColumns) FROM audit ORDER BY id", logger: self.logger)
                .decode((Int64, Int64, String, String?, String, String, Int64, String?).self) {
                try body(.audit(Self.auditEvent(row)))
            }
        }
    }
}
