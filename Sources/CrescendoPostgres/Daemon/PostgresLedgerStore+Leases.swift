import CrescendoStore
import PostgresNIO

/// Campaign leases, as River elects its leader (`river_leader`): one row per campaign, taken
/// by an upsert that succeeds only for the owner or once the row has expired, with times from
/// the server's `now()`. A new owner raises the fencing epoch; `commit` checks it.
extension PostgresLedgerStore {
    public func takeLease(campaign: String, owner: String, ttl: Double) async throws -> Int64? {
        try await withConnection { c in
            let rows = try await c.run("""
                INSERT INTO campaign_leases AS l (campaign, owner, epoch, taken_at, expires_at)
                VALUES (\(campaign), \(owner), 1, now(), now() + make_interval(secs => \(ttl)))
                ON CONFLICT (campaign) DO UPDATE SET
                    epoch = CASE WHEN l.owner = excluded.owner THEN l.epoch ELSE l.epoch + 1 END,
                    taken_at = CASE WHEN l.owner = excluded.owner THEN l.taken_at ELSE now() END,
                    owner = excluded.owner, expires_at = excluded.expires_at
                WHERE l.owner = excluded.owner OR l.expires_at < now()
                RETURNING epoch
                """, logger: self.logger)
            return try await rows.value(Int64.self)
        }
    }

    public func releaseLeases(owner: String) async throws {
        try await withConnection { c in
            // Expired rather than deleted, so the epoch keeps rising at the next take.
            try await c.run("UPDATE campaign_leases SET owner = '', expires_at = now() - interval '1 second' WHERE owner = \(owner)",
                              logger: self.logger)
        }
    }

    /// Whether `fence` still holds `campaign`'s lease, locking the row (`FOR SHARE`) for the
    /// rest of the caller's transaction: a takeover's update waits until that transaction ends,
    /// so no write of a stale holder can commit after another daemon took the campaign.
    func holds(_ fence: LeaseFence, campaign: String, _ c: PostgresConnection) async throws -> Bool {
        let rows = try await c.run("""
            SELECT 1 FROM campaign_leases WHERE campaign = \(campaign) AND owner = \(fence.owner) AND epoch = \(fence.epoch) FOR SHARE
            """, logger: logger)
        return try await rows.value(Int32.self) != nil
    }
}
