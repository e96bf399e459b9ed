import CrescendoCore
import GRDB

/// The web app's sessions (`app_sessions`, schema v6) and the organizer's retry of a dead letter.
extension SQLiteLedgerStore {
    public func putSession(key: String, value: String, expiresAt: Instant?) async throws {
        try await asyncWrite { db in try db.execute(sql: AccessSQL.putSession, arguments: [key, value, expiresAt?.seconds]) }
    }

    public func session(key: String, now: Instant) throws -> StoredSession? {
        try read { db in
            try Row.fetchOne(db, sql: AccessSQL.session, arguments: [key, now.seconds]).map { row in
                StoredSession(value: row[0], expiresAt: (row[1] as Int64?).map(Instant.init(seconds:)))
            }
        }
    }

    public func removeSession(key: String) async throws {
        try await asyncWrite { db in try db.execute(sql: AccessSQL.removeSession, arguments: [key]) }
    }

    @discardableResult
    public func pruneSessions(before cutoff: Instant) async throws -> Int {
        try await asyncWrite { db in
            try db.execute(sql: AccessSQL.pruneSessions, arguments: [cutoff.seconds])
            return db.changesCount
        }
    }

    public func retryDeadDeliveries(actionID: String, channel: String?, at: Instant, audit: AuditEvent) async throws -> [String] {
        try await asyncWrite { db in
            let channels = try String.fetchAll(db, sql: AccessSQL.deadChannelsOfAction, arguments: [actionID, channel, channel])
            guard !channels.isEmpty else { return [] }
            for c in channels { try db.execute(sql: AccessSQL.retryDelivery, arguments: [at.seconds, actionID, c]) }
            try db.execute(sql: AccessSQL.retryAction, arguments: [actionID])
            var line = audit
            line.ids = "action \(actionID) channel \(channels.joined(separator: ","))"
            try Self.insert([line], db)
            return channels
        }
    }
}
