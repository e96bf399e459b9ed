import CrescendoCore
import CrescendoStore
import PostgresNIO

/// Delivery claims, as River and Oban fetch jobs: one statement, a CTE that picks due rows
/// `FOR UPDATE SKIP LOCKED` with a `LIMIT` and an `UPDATE ... FROM` it that marks them
/// claimed (owner, next claim number, claim lease from `now()`) and returns them. Row locks
/// are held only for the claim, never while the delivery runs.
extension PostgresLedgerStore {
    public func claimDeliveries(now: Instant, limit: Int, owner: String, ttl: Double) async throws -> [DeliveryRecord] {
        try await withConnection { c in
            let rows = try await c.run("""
                WITH due AS (
                    SELECT action_id, channel FROM deliveries
                    WHERE state = 'pending' AND next_attempt_at <= \(now.seconds) AND (claim_expires_at IS NULL OR claim_expires_at < now())
                    ORDER BY next_attempt_at, ord
                    LIMIT \(Int64(max(0, limit)))
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE deliveries d SET claimed_by = \(owner), claims = d.claims + 1, claim_expires_at = now() + make_interval(secs => \(ttl))
                FROM due, actions a
                WHERE d.action_id = due.action_id AND d.channel = due.channel AND a.id = d.action_id
                RETURNING d.action_id, a.campaign, d.channel, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload, d.claims
                """, logger: self.logger)
            var out: [DeliveryRecord] = []
            for try await (id, campaign, channel, attempts, next, error, due, payload, claims)
                in rows.decode((String, String, String, Int64, Int64, String?, Int64, String, Int64).self) {
                out.append(DeliveryRecord(actionID: id, campaign: campaign, channel: channel, state: .pending, attempts: Int(attempts),
                                          nextAttemptAt: Instant(seconds: next), lastError: error, dueAt: Instant(seconds: due), payload: payload,
                                          claim: DeliveryClaim(owner: owner, number: claims)))
            }
            // RETURNING gives no order; oldest first, as the CTE chose them.
            return out.sorted { ($0.nextAttemptAt, $0.dueAt) < ($1.nextAttemptAt, $1.dueAt) }
        }
    }

    @discardableResult
    public func renewClaims(_ deliveries: [(actionID: String, channel: String)], owner: String, ttl: Double) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let ids = deliveries.map(\.actionID), channels = deliveries.map(\.channel)
        return try await withConnection { c in
            let rows = try await c.run("""
                UPDATE deliveries d SET claim_expires_at = now() + make_interval(secs => \(ttl))
                FROM unnest(\(ids)::text[], \(channels)::text[]) AS k (action_id, channel)
                WHERE d.action_id = k.action_id AND d.channel = k.channel AND d.claimed_by = \(owner) AND d.state = 'pending'
                RETURNING 1
                """, logger: self.logger)
            var n = 0
            for try await _ in rows { n += 1 }
            return n
        }
    }
}
