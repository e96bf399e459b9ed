import CrescendoCore
import CrescendoStore
import PostgresNIO

/// The web app's sessions (`app_sessions`, schema v6) and the organizer's retry of a dead letter.
extension PostgresLedgerStore {
    public func putSession(key: String, value: String, expiresAt: Instant?) async throws {
        try await withConnection { c in
            try await c.run("""
                INSERT INTO app_sessions (key, value, expires_at) VALUES (\(key), \(value), \(expiresAt?.seconds))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = coalesce(excluded.expires_at, app_sessions.expires_at)
                """, logger: self.logger)
        }
    }

    public func session(key: String, now: Instant) async throws -> StoredSession? {
        try await withConnection { c in
            let rows = try await c.run("""
                SELECT value, expires_at FROM app_sessions WHERE key = \(key) AND (expires_at IS NULL OR expires_at >= \(now.seconds))
                """, logger: self.logger)
            for try await (value, expires) in rows.decode((String, Int64?).self) {
                return StoredSession(value: value, expiresAt: expires.map(Instant.init(seconds:)))
            }
            return nil
        }
    }

    public func removeSession(key: String) async throws {
        try await withConnection { c in try await c.run("DELETE FROM app_sessions WHERE key = \(key)", logger: self.logger) }
    }

    @discardableResult
    public func pruneSessions(before cutoff: Instant) async throws -> Int {
        try await count("DELETE FROM app_sessions WHERE expires_at < \(cutoff.seconds) RETURNING 1")
    }

    public func retryDeadDeliveries(actionID: String, channel: String?, at: Instant, audit: AuditEvent) async throws -> [String] {
        try await transaction { c in
            var channels: [String] = []
            let rows = try await c.run("""
                UPDATE deliveries SET state = 'pending', next_attempt_at = \(at.seconds)
                WHERE action_id = \(actionID) AND state = 'dead' AND (\(channel)::text IS NULL OR channel = \(channel)) RETURNING channel
                """, logger: self.logger)
            for try await name in rows.decode(String.self) { channels.append(name) }
            guard !channels.isEmpty else { return [] }
            channels.sort()
            try await c.run("UPDATE actions SET state = 'pending' WHERE id = \(actionID) AND state = 'dead'", logger: self.logger)
            var line = audit
            line.ids = "action \(actionID) channel \(channels.joined(separator: ","))"
            try await self.insertAudit([line], c)
            return channels
        }
    }

    /// Runs a statement that returns one row per row it touched; returns how many.
    func count(_ query: PostgresQuery) async throws -> Int {
        try await withConnection { c in
            var n = 0
            for try await _ in try await c.run(query, logger: self.logger).decode(Int32.self) { n += 1 }
            return n
        }
    }
}
