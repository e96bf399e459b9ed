/// The SQL of the access tables (`tokens`, `audit`, `idempotency_keys`), one statement each.
enum AccessSQL {
    static let tokenColumns = "name, role, created_at, expires_at, last_used_at, revoked_at"
    static let addToken = "INSERT INTO tokens (name, hash, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"
    static let tokenNamed = "SELECT 1 FROM tokens WHERE name = ?"
    static let tokens = "SELECT \(tokenColumns) FROM tokens ORDER BY name"
    static let tokenByHash = "SELECT \(tokenColumns) FROM tokens WHERE hash = ?"
    static let revokeToken = "UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE name = ?"
    static let touchToken = "UPDATE tokens SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE name = ?"

    static let auditColumns = "id, at, who, role, what, ids, outcome, detail"
    static let appendAudit = "INSERT INTO audit (at, who, role, what, ids, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"
    static let auditPage = "SELECT \(auditColumns) FROM audit WHERE id > ? ORDER BY id LIMIT ?"
    static let auditPageBefore = "SELECT \(auditColumns) FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?"
    static let auditPageOfWho = "SELECT \(auditColumns) FROM audit WHERE who = ? AND id > ? ORDER BY id LIMIT ?"

    static let claimOfKey = "SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE scope = ? AND key = ?"
    static let claimKey = "INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)"
    static let pruneKeys = "DELETE FROM idempotency_keys WHERE created_at < ?"

    static let putSession = """
        INSERT INTO app_sessions (key, value, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = coalesce(excluded.expires_at, app_sessions.expires_at)
        """
    static let session = "SELECT value, expires_at FROM app_sessions WHERE key = ? AND (expires_at IS NULL OR expires_at >= ?)"
    static let removeSession = "DELETE FROM app_sessions WHERE key = ?"
    static let pruneSessions = "DELETE FROM app_sessions WHERE expires_at < ?"

    static let deadChannelsOfAction = "SELECT channel FROM deliveries WHERE action_id = ? AND state = 'dead' AND (? IS NULL OR channel = ?) ORDER BY channel"
    static let retryDelivery = "UPDATE deliveries SET state = 'pending', next_attempt_at = ? WHERE action_id = ? AND channel = ? AND state = 'dead'"
    static let retryAction = "UPDATE actions SET state = 'pending' WHERE id = ? AND state = 'dead'"
}
