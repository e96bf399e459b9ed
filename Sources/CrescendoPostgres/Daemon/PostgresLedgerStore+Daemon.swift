import CrescendoCore
import CrescendoStore
import PostgresNIO

/// The daemon's tables. Each operation is one short statement or one short transaction; a
/// step's commit checks the campaign's lease (`holds`) and a completion its claim.
extension PostgresLedgerStore {
    public func watermark(campaign: String) async throws -> Watermark? {
        try await withConnection { c in
            let rows = try await c.run("SELECT judged_through, alive_at FROM daemon_watermarks WHERE campaign = \(campaign)", logger: self.logger)
            for try await (judged, alive) in rows.decode((Int64, Int64).self) {
                return Watermark(judgedThrough: Instant(seconds: judged), aliveAt: Instant(seconds: alive))
            }
            return nil
        }
    }

    @discardableResult
    public func commit(_ step: DaemonStep) async throws -> [ActionRecord] {
        let written = try await transaction { c -> [ActionRecord]? in
            if let fence = step.fence, try await !self.holds(fence, campaign: step.campaign, c) { return nil }
            let inserted = try await self.insertActions(step.actions, c)
            if let timers = step.timers {
                try await c.run("DELETE FROM timers WHERE campaign = \(step.campaign)", logger: self.logger)
                var rows = RowInserter(table: "timers", columns: ["id", "kind", "due_at", "payload", "campaign", "rule"])
                for (i, r) in timers.enumerated() {
                    try await rows.add(c, logger: self.logger) {
                        $0.append("\(step.campaign)/\(i)"); $0.append(r.timer.kind); $0.append(r.timer.at.seconds); $0.append(r.timer.detail)
                        $0.append(step.campaign); $0.append(r.timer.rule)
                    }
                }
                _ = try await rows.finish(c, logger: self.logger)
            }
            try await c.run("""
                INSERT INTO daemon_watermarks (campaign, judged_through, alive_at) VALUES (\(step.campaign), \(step.judgedThrough.seconds), \(step.aliveAt.seconds))
                ON CONFLICT (campaign) DO UPDATE SET judged_through = excluded.judged_through, alive_at = excluded.alive_at
                """, logger: self.logger)
            return inserted
        }
        guard let written else { throw LeaseLost(campaign: step.campaign, fence: step.fence!) }
        return written
    }

    public func existingActionIDs(_ ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try await withConnection { c in
            var found = Set<String>()
            for try await id in try await c.run("SELECT id FROM actions WHERE id = ANY(\(ids))", logger: self.logger).decode(String.self) {
                found.insert(id)
            }
            return found
        }
    }

    public func timers(campaign: String) async throws -> [TimerRecord] {
        try await withConnection { c in
            var out: [TimerRecord] = []
            let rows = try await c.run("SELECT due_at, kind, rule, payload FROM timers WHERE campaign = \(campaign) ORDER BY due_at, id",
                                         logger: self.logger)
            for try await (at, kind, rule, payload) in rows.decode((Int64, String, String, String).self) {
                out.append(TimerRecord(campaign: campaign, timer: PendingTimer(at: Instant(seconds: at), kind: kind, rule: rule, detail: payload)))
            }
            return out
        }
    }

    public func dueDeliveries(now: Instant, limit: Int) async throws -> [DeliveryRecord] {
        try await deliveries("d.state = 'pending' AND d.next_attempt_at <= \(now.seconds)", order: "d.next_attempt_at, a.due_at, d.ord",
                             limit: limit, state: .pending)
    }

    public func deadLetters(limit: Int) async throws -> [DeliveryRecord] {
        try await deliveries("d.state = 'dead'", order: "d.next_attempt_at DESC, d.ord DESC", limit: limit, state: .dead)
    }

    /// Deliveries with their action's campaign, due time and payload.
    private func deliveries(_ condition: String, order: String, limit: Int, state: DeliveryRecord.State) async throws -> [DeliveryRecord] {
        let sql = """
            SELECT d.action_id, a.campaign, d.channel, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload
            FROM deliveries d JOIN actions a ON a.id = d.action_id WHERE \(condition) ORDER BY \(order) LIMIT \(max(0, limit))
            """
        return try await withConnection { c in
            var out: [DeliveryRecord] = []
            let rows = try await c.run(PostgresQuery(unsafeSQL: sql), logger: self.logger)
            for try await (id, campaign, channel, attempts, next, error, due, payload)
                in rows.decode((String, String, String, Int64, Int64, String?, Int64, String).self) {
                out.append(DeliveryRecord(actionID: id, campaign: campaign, channel: channel, state: state, attempts: Int(attempts),
                                          nextAttemptAt: Instant(seconds: next), lastError: error, dueAt: Instant(seconds: due), payload: payload))
            }
            return out
        }
    }

    @discardableResult
    public func recordAttempt(_ outcome: DeliveryOutcome) async throws -> Bool {
        try await transaction { c in
            let state = outcome.delivered ? "delivered" : (outcome.retryAt == nil ? "dead" : "pending")
            let deliveredAt: Int64? = outcome.delivered ? outcome.at.seconds : nil
            let updated = try await c.run("""
                UPDATE deliveries SET state = \(state), attempts = attempts + 1, last_error = \(outcome.error),
                       next_attempt_at = \((outcome.retryAt ?? outcome.at).seconds), delivered_at = \(deliveredAt),
                       claimed_by = NULL, claim_expires_at = NULL
                WHERE action_id = \(outcome.actionID) AND channel = \(outcome.channel) AND state = 'pending'
                      AND attempts = \(Int64(outcome.attempt - 1))
                      AND (\(outcome.claim?.owner)::text IS NULL OR (claimed_by = \(outcome.claim?.owner) AND claims = \(outcome.claim?.number)))
                RETURNING 1
                """, logger: self.logger)
            guard try await updated.value(Int32.self) != nil else { return false }
            try await c.run("""
                UPDATE actions SET attempts = attempts + 1,
                    state = CASE WHEN EXISTS (SELECT 1 FROM deliveries WHERE action_id = \(outcome.actionID) AND state = 'dead') THEN 'dead'
                                 WHEN EXISTS (SELECT 1 FROM deliveries WHERE action_id = \(outcome.actionID) AND state = 'pending') THEN 'pending'
                                 ELSE 'delivered' END
                WHERE id = \(outcome.actionID)
                """, logger: self.logger)
            try await c.run("""
                UPDATE actions SET delivered_at = \(outcome.at.seconds) WHERE id = \(outcome.actionID) AND state = 'delivered' AND delivered_at IS NULL
                """, logger: self.logger)
            return true
        }
    }

    public func actions(since: Instant?, limit: Int) async throws -> [ActionRecord] {
        try await withConnection { c in
            var out: [ActionRecord] = []
            let rows = try await c.run("""
                SELECT id, campaign, rule, action, due_at, payload, state, attempts, late, delivered_at, decided_at, reason,
                       (SELECT string_agg(channel, ',' ORDER BY ord) FROM deliveries WHERE action_id = actions.id)
                FROM actions WHERE due_at >= \(since?.seconds ?? Int64.min) ORDER BY due_at, decided LIMIT \(Int64(max(0, limit)))
                """, logger: self.logger)
            for try await (id, campaign, rule, action, due, payload, state, attempts, late, delivered, decided, reason, channels)
                in rows.decode((String, String, String, String, Int64, String, String, Int64, Bool, Int64?, Int64, String?, String?).self) {
                out.append(ActionRecord(id: id, campaign: campaign, rule: rule, action: action, dueAt: Instant(seconds: due), payload: payload,
                                        state: ActionRecord.State(rawValue: state) ?? .pending, attempts: Int(attempts), late: late,
                                        deliveredAt: delivered.map { Instant(seconds: $0) }, decidedAt: Instant(seconds: decided), reason: reason,
                                        channels: (channels ?? "").split(separator: ",").map(String.init)))
            }
            return out
        }
    }

    public func actionCounts() async throws -> [ActionRecord.State: Int] {
        try await withConnection { c in
            var out: [ActionRecord.State: Int] = [:]
            for try await (state, n) in try await c.run("SELECT state, count(*) FROM actions GROUP BY state", logger: self.logger)
                .decode((String, Int64).self) {
                if let s = ActionRecord.State(rawValue: state) { out[s] = Int(n) }
            }
            return out
        }
    }

    public func channelHealth() async throws -> [ChannelHealth] {
        try await withConnection { c in
            var out: [ChannelHealth] = []
            let rows = try await c.run("""
                SELECT a.campaign, d.channel, count(*) FILTER (WHERE d.state = 'pending'), count(*) FILTER (WHERE d.state = 'delivered'),
                       count(*) FILTER (WHERE d.state = 'dead'),
                       (SELECT e.last_error FROM deliveries e WHERE e.channel = d.channel AND e.last_error IS NOT NULL
                        ORDER BY e.next_attempt_at DESC, e.ord DESC LIMIT 1)
                FROM deliveries d JOIN actions a ON a.id = d.action_id GROUP BY a.campaign, d.channel ORDER BY a.campaign, d.channel
                """, logger: self.logger)
            for try await (campaign, channel, pending, delivered, dead, error) in rows.decode((String, String, Int64, Int64, Int64, String?).self) {
                out.append(ChannelHealth(campaign: campaign, channel: channel, pending: Int(pending), delivered: Int(delivered),
                                         dead: Int(dead), lastError: error))
            }
            return out
        }
    }
}
