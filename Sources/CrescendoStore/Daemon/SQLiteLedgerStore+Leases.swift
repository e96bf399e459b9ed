import GRDB

/// Campaign leases on SQLite. An SQLite ledger is one process's (the daemon that opened it),
/// so a new owner takes a lease at once instead of waiting for it to expire: a daemon
/// restarted after a crash judges at once, and a stale owner in the same process is still
/// fenced off by the raised epoch. Times are the database's clock, as on PostgreSQL.
extension SQLiteLedgerStore {
    /// The database's clock, in seconds since 1970 with fractions.
    static let databaseNow = "((julianday('now') - 2440587.5) * 86400.0)"

    public func takeLease(campaign: String, owner: String, ttl: Double) async throws -> Int64? {
        try await asyncWrite { db in
            try db.execute(sql: """
                INSERT INTO campaign_leases (campaign, owner, epoch, taken_at, expires_at)
                VALUES (?, ?, 1, \(Self.databaseNow), \(Self.databaseNow) + ?)
                ON CONFLICT (campaign) DO UPDATE SET
                    epoch = CASE WHEN owner = excluded.owner THEN epoch ELSE epoch + 1 END,
                    taken_at = CASE WHEN owner = excluded.owner THEN taken_at ELSE excluded.taken_at END,
                    owner = excluded.owner, expires_at = excluded.expires_at
                """, arguments: [campaign, owner, ttl])
            return try Int64.fetchOne(db, sql: "SELECT epoch FROM campaign_leases WHERE campaign = ? AND owner = ?", arguments: [campaign, owner])
        }
    }

    public func releaseLeases(owner: String) async throws {
        try await asyncWrite { db in
            // Expired rather than deleted, so the epoch keeps rising at the next take.
            try db.execute(sql: "UPDATE campaign_leases SET expires_at = \(Self.databaseNow) - 1, owner = '' WHERE owner = ?", arguments: [owner])
        }
    }

    /// Whether `fence` still holds `campaign`'s lease (inside the caller's write transaction).
    static func holds(_ fence: LeaseFence, campaign: String, _ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT 1 FROM campaign_leases WHERE campaign = ? AND owner = ? AND epoch = ?",
                         arguments: [campaign, fence.owner, fence.epoch]) != nil
    }
}
