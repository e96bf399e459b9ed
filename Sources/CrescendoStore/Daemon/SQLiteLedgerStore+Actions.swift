import CrescendoCore
import GRDB

extension SQLiteLedgerStore: DaemonStore {
    public func watermark(campaign: String) throws -> Watermark? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT judged_through, alive_at FROM daemon_watermarks WHERE campaign = ?", arguments: [campaign])
                .map { Watermark(judgedThrough: Instant(seconds: $0[0]), aliveAt: Instant(seconds: $0[1])) }
        }
    }

    @discardableResult
    public func commit(_ step: DaemonStep) async throws -> [ActionRecord] {
        let written = try await asyncWrite { db -> [ActionRecord]? in
            if let fence = step.fence, try !Self.holds(fence, campaign: step.campaign, db) { return nil }
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO actions (id, campaign, rule, action, due_at, payload, state, late, decided_at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let delivery = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO deliveries (action_id, channel, state, next_attempt_at) VALUES (?, ?, 'pending', ?)
                """)
            var inserted: [ActionRecord] = []
            for a in step.actions {
                try insert.execute(arguments: [a.id, a.campaign, a.rule, a.action, a.dueAt.seconds, a.payload, a.state.rawValue,
                                               a.late, a.decidedAt.seconds, a.reason])
                guard db.changesCount > 0 else { continue }
                inserted.append(a)
                // A delivery quiet hours hold is not attempted before its deliver_at, across restarts.
                for c in a.channels { try delivery.execute(arguments: [a.id, c, max(a.decidedAt, a.deliverAt[c] ?? a.decidedAt).seconds]) }
            }
            if let timers = step.timers {
                try db.execute(sql: "DELETE FROM timers WHERE campaign = ?", arguments: [step.campaign])
                let t = try db.cachedStatement(sql: "INSERT OR REPLACE INTO timers (id, kind, due_at, payload, campaign, rule) VALUES (?, ?, ?, ?, ?, ?)")
                for (i, r) in timers.enumerated() {
                    try t.execute(arguments: ["\(step.campaign)/\(i)", r.timer.kind, r.timer.at.seconds, r.timer.detail, step.campaign, r.timer.rule])
                }
            }
            try db.execute(sql: """
                INSERT INTO daemon_watermarks (campaign, judged_through, alive_at) VALUES (?, ?, ?)
                ON CONFLICT (campaign) DO UPDATE SET judged_through = excluded.judged_through, alive_at = excluded.alive_at
                """, arguments: [step.campaign, step.judgedThrough.seconds, step.aliveAt.seconds])
            return inserted
        }
        guard let written else { throw LeaseLost(campaign: step.campaign, fence: step.fence!) }
        return written
    }

    public func timers(campaign: String) throws -> [TimerRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT due_at, kind, rule, payload FROM timers WHERE campaign = ? ORDER BY due_at, id",
                             arguments: [campaign]).map {
                TimerRecord(campaign: campaign, timer: PendingTimer(at: Instant(seconds: $0[0]), kind: $0[1], rule: $0[2], detail: $0[3]))
            }
        }
    }

    public func dueDeliveries(now: Instant, limit: Int) throws -> [DeliveryRecord] {
        try deliveries(where: "d.state = 'pending' AND d.next_attempt_at <= ?", order: "d.next_attempt_at, a.due_at",
                       arguments: [now.seconds, limit], state: .pending)
    }

    @discardableResult
    public func recordAttempt(_ outcome: DeliveryOutcome) async throws -> Bool {
        try await asyncWrite { db in
            let state = outcome.delivered ? "delivered" : (outcome.retryAt == nil ? "dead" : "pending")
            try db.execute(sql: """
                UPDATE deliveries SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, delivered_at = ?,
                       claimed_by = NULL, claim_expires_at = NULL
                WHERE action_id = ? AND channel = ? AND state = 'pending' AND attempts = ?
                      AND (? IS NULL OR (claimed_by = ? AND claims = ?))
                """, arguments: [state, outcome.error, (outcome.retryAt ?? outcome.at).seconds,
                                 outcome.delivered ? outcome.at.seconds : nil, outcome.actionID, outcome.channel, outcome.attempt - 1,
                                 outcome.claim?.owner, outcome.claim?.owner, outcome.claim?.number])
            guard db.changesCount > 0 else { return false }
            let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries WHERE action_id = ? AND state = 'pending'", arguments: [outcome.actionID]) ?? 0
            let dead = try Int.fetchOne(db, sql: "SELECT count(*) FROM deliveries WHERE action_id = ? AND state = 'dead'", arguments: [outcome.actionID]) ?? 0
            let actionState = dead > 0 ? "dead" : (open == 0 ? "delivered" : "pending")
            try db.execute(sql: """
                UPDATE actions SET state = ?, attempts = attempts + 1, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END
                WHERE id = ?
                """, arguments: [actionState, actionState, outcome.at.seconds, outcome.actionID])
            return true
        }
    }

    public func actions(since: Instant?, limit: Int) throws -> [ActionRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, campaign, rule, action, due_at, payload, state, attempts, late, delivered_at, decided_at, reason,
                       (SELECT group_concat(channel, ',') FROM deliveries WHERE action_id = actions.id)
                FROM actions WHERE due_at >= ? ORDER BY due_at, rowid LIMIT ?
                """, arguments: [since?.seconds ?? Int64.min, limit])
            return rows.map { r in
                ActionRecord(id: r[0], campaign: r[1], rule: r[2], action: r[3], dueAt: Instant(seconds: r[4]), payload: r[5],
                             state: ActionRecord.State(rawValue: r[6]) ?? .pending, attempts: r[7], late: r[8],
                             deliveredAt: (r[9] as Int64?).map { Instant(seconds: $0) }, decidedAt: Instant(seconds: r[10]),
                             reason: r[11], channels: ((r[12] as String?) ?? "").split(separator: ",").map(String.init))
            }
        }
    }

    public func actionCounts() throws -> [ActionRecord.State: Int] {
        try read { db in
            var out: [ActionRecord.State: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM actions GROUP BY state") {
                if let s = ActionRecord.State(rawValue: r[0]) { out[s] = r[1] }
            }
            return out
        }
    }

    public func channelHealth() throws -> [ChannelHealth] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.campaign, d.channel, sum(d.state = 'pending'), sum(d.state = 'delivered'), sum(d.state = 'dead'),
                       (SELECT e.last_error FROM deliveries e WHERE e.channel = d.channel AND e.last_error IS NOT NULL
                        ORDER BY e.next_attempt_at DESC LIMIT 1)
                FROM deliveries d JOIN actions a ON a.id = d.action_id GROUP BY a.campaign, d.channel ORDER BY a.campaign, d.channel
                """).map { ChannelHealth(campaign: $0[0], channel: $0[1], pending: $0[2], delivered: $0[3], dead: $0[4], lastError: $0[5]) }
        }
    }

    public func deadLetters(limit: Int) throws -> [DeliveryRecord] {
        try deliveries(where: "d.state = 'dead'", order: "d.next_attempt_at DESC", arguments: [limit], state: .dead)
    }

    /// Deliveries with their action's campaign, due time and payload.
    private func deliveries(where condition: String, order: String, arguments: StatementArguments,
                            state: DeliveryRecord.State) throws -> [DeliveryRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.action_id, a.campaign, d.channel, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload
                FROM deliveries d JOIN actions a ON a.id = d.action_id WHERE \(condition) ORDER BY \(order) LIMIT ?
                """, arguments: arguments).map {
                DeliveryRecord(actionID: $0[0], campaign: $0[1], channel: $0[2], state: state, attempts: $0[3],
                               nextAttemptAt: Instant(seconds: $0[4]), lastError: $0[5], dueAt: Instant(seconds: $0[6]), payload: $0[7])
            }
        }
    }
}

extension SQLiteLedgerStore {
    public func existingActionIDs(_ ids: [String]) throws -> Set<String> {
        try read { db in
            var found = Set<String>()
            var i = 0
            while i < ids.count {
                let chunk = Array(ids[i..<min(i + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for id in try String.fetchAll(db, sql: "SELECT id FROM actions WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                    found.insert(id)
                }
                i += 500
            }
            return found
        }
    }
}
