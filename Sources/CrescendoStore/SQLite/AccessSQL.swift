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
    static let auditPageOfWho = "SELECT \(auditColumns) FROM audit WHERE who = ? AND id > ? ORDER BY id LIMIT ?"

    static let claimOfKey = "SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE scope = ? AND key = ?"
    static let claimKey = "INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)"
    static let pruneKeys = "DELETE FROM idempotency_keys WHERE created_at < ?"
}
