import CrescendoCore

/// A person's token as the store keeps it: everything but the token itself, of which only a
/// hash is stored (`TokenSecret.hash`).
public struct TokenRecord: Sendable, Equatable {
    /// Unique, for ever: a revoked token's name stays taken, so the audit log's names stay unambiguous.
    public var name: String
    public var role: Role
    public var createdAt: Instant
    public var expiresAt: Instant?
    /// When a request last carried it (kept to within a few seconds, docs/daemon.md).
    public var lastUsedAt: Instant?
    public var revokedAt: Instant?

    public init(name: String, role: Role, createdAt: Instant, expiresAt: Instant? = nil,
                lastUsedAt: Instant? = nil, revokedAt: Instant? = nil) {
        self.name = name; self.role = role; self.createdAt = createdAt; self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
    }

    /// Why the token opens nothing at `now` (`revoked`, `expired`), or nil when it is good.
    public func refusal(at now: Instant) -> String? {
        if revokedAt != nil { return "revoked" }
        if let expiresAt, expiresAt <= now { return "expired" }
        return nil
    }
}
