import CrescendoCore
import GRDB

/// Delivery claims on SQLite: the same protocol as PostgreSQL's (`claimDeliveries`), in one
/// write transaction, which SQLite runs one at a time.
extension SQLiteLedgerStore {
    public func claimDeliveries(now: Instant, limit: Int, owner: String, ttl: Double) async throws -> [DeliveryRecord] {
        try await asyncWrite { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.action_id, a.campaign, d.channel, d.attempts, d.next_attempt_at, d.last_error, a.due_at, a.payload, d.claims
                FROM deliveries d JOIN actions a ON a.id = d.action_id
                WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND (d.claim_expires_at IS NULL OR d.claim_expires_at < \(Self.databaseNow))
                ORDER BY d.next_attempt_at, a.due_at LIMIT ?
                """, arguments: [now.seconds, max(0, limit)])
            let update = try db.cachedStatement(sql: """
                UPDATE deliveries SET claimed_by = ?, claims = claims + 1, claim_expires_at = \(Self.databaseNow) + ?
                WHERE action_id = ? AND channel = ?
                """)
            return try rows.map { r in
                try update.execute(arguments: [owner, ttl, r[0], r[2]])
                let number: Int64 = r[8]
                return DeliveryRecord(actionID: r[0], campaign: r[1], channel: r[2], state: .pending, attempts: r[3],
                                      nextAttemptAt: Instant(seconds: r[4]), lastError: r[5], dueAt: Instant(seconds: r[6]), payload: r[7],
                                      claim: DeliveryClaim(owner: owner, number: number + 1))
            }
        }
    }

    @discardableResult
    public func renewClaims(_ deliveries: [(actionID: String, channel: String)], owner: String, ttl: Double) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let keys = deliveries.map { [$0.actionID, $0.channel] }
        return try await asyncWrite { db in
            let renew = try db.cachedStatement(sql: """
                UPDATE deliveries SET claim_expires_at = \(Self.databaseNow) + ?
                WHERE action_id = ? AND channel = ? AND claimed_by = ? AND state = 'pending'
                """)
            var n = 0
            for k in keys {
                try renew.execute(arguments: [ttl, k[0], k[1], owner])
                n += db.changesCount
            }
            return n
        }
    }
}
