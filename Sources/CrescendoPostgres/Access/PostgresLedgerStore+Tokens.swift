import CrescendoCore
import CrescendoStore
import PostgresNIO

/// Tokens (schema v5): only their SHA-256 is stored; names stay taken after a revoke.
extension PostgresLedgerStore {
    public func addToken(_ token: TokenRecord, hash: String) async throws {
        try await withConnection { c in
            let rows = try await c.run("""
                INSERT INTO tokens (name, hash, role, created_at, expires_at)
                VALUES (\(token.name), \(hash), \(token.role.rawValue), \(token.createdAt.seconds), \(token.expiresAt?.seconds))
                ON CONFLICT (name) DO NOTHING RETURNING 1
                """, logger: self.logger)
            guard try await rows.value(Int32.self) != nil else { throw StoreError.tokenExists(name: token.name) }
        }
    }

    public func tokens() async throws -> [TokenRecord] {
        try await tokenRows("SELECT name, role, created_at, expires_at, last_used_at, revoked_at FROM tokens ORDER BY name")
    }

    public func token(hash: String) async throws -> TokenRecord? {
        try await tokenRows("SELECT name, role, created_at, expires_at, last_used_at, revoked_at FROM tokens WHERE hash = \(hash)").first
    }

    public func revokeToken(name: String, at: Instant) async throws {
        try await withConnection { c in
            let rows = try await c.run("UPDATE tokens SET revoked_at = coalesce(revoked_at, \(at.seconds)) WHERE name = \(name) RETURNING 1",
                                         logger: self.logger)
            guard try await rows.value(Int32.self) != nil else { throw StoreError.noSuchToken(name: name) }
        }
    }

    public func recordTokenUse(_ lastUsed: [String: Instant]) async throws {
        guard !lastUsed.isEmpty else { return }
        let names = Array(lastUsed.keys)
        let times = names.map { lastUsed[$0]!.seconds }
        try await withConnection { c in
            try await c.run("""
                UPDATE tokens SET last_used_at = greatest(coalesce(last_used_at, 0), u.at)
                FROM unnest(\(names)::text[], \(times)::bigint[]) AS u(name, at) WHERE tokens.name = u.name
                """, logger: self.logger)
        }
    }

    private func tokenRows(_ query: PostgresQuery) async throws -> [TokenRecord] {
        try await withConnection { c in
            var out: [TokenRecord] = []
            let rows = try await c.run(query, logger: self.logger)
            for try await (name, role, created, expires, used, revoked) in rows.decode((String, String, Int64, Int64?, Int64?, Int64?).self) {
                out.append(Self.token(name, role, created, expires, used, revoked))
            }
            return out
        }
    }

    /// A token from its columns (name, role, created_at, expires_at, last_used_at, revoked_at).
    static func token(_ name: String, _ role: String, _ created: Int64, _ expires: Int64?, _ used: Int64?, _ revoked: Int64?) -> TokenRecord {
        TokenRecord(name: name, role: Role(rawValue: role) ?? .recorder, createdAt: Instant(seconds: created),
                    expiresAt: expires.map(Instant.init(seconds:)), lastUsedAt: used.map(Instant.init(seconds:)),
                    revokedAt: revoked.map(Instant.init(seconds:)))
    }
}
