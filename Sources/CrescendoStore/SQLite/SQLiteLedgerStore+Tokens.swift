import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func addToken(_ token: TokenRecord, hash: String) throws {
        try write { db in
            guard try Row.fetchOne(db, sql: AccessSQL.tokenNamed, arguments: [token.name]) == nil else {
                throw StoreError.tokenExists(name: token.name)
            }
            try db.execute(sql: AccessSQL.addToken,
                           arguments: [token.name, hash, token.role.rawValue, token.createdAt.seconds, token.expiresAt?.seconds])
        }
    }

    public func tokens() throws -> [TokenRecord] {
        try read { db in try Row.fetchAll(db, sql: AccessSQL.tokens).map(Self.token) }
    }

    public func token(hash: String) throws -> TokenRecord? {
        try read { db in try Row.fetchOne(db, sql: AccessSQL.tokenByHash, arguments: [hash]).map(Self.token) }
    }

    public func revokeToken(name: String, at: Instant) throws {
        try write { db in
            try db.execute(sql: AccessSQL.revokeToken, arguments: [at.seconds, name])
            guard db.changesCount > 0 else { throw StoreError.noSuchToken(name: name) }
        }
    }

    public func recordTokenUse(_ lastUsed: [String: Instant]) async throws {
        guard !lastUsed.isEmpty else { return }
        try await asyncWrite { db in
            for (name, at) in lastUsed { try db.execute(sql: AccessSQL.touchToken, arguments: [at.seconds, name]) }
        }
    }

    static func token(_ row: Row) -> TokenRecord {
        TokenRecord(name: row[0], role: Role(rawValue: row[1]) ?? .recorder, createdAt: Instant(seconds: row[2]),
                    expiresAt: (row[3] as Int64?).map(Instant.init(seconds:)),
                    lastUsedAt: (row[4] as Int64?).map(Instant.init(seconds:)),
                    revokedAt: (row[5] as Int64?).map(Instant.init(seconds:)))
    }
}
