import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    public func appendAudit(_ events: [AuditEvent]) async throws {
        guard !events.isEmpty else { return }
        try await asyncWrite { db in try Self.insert(events, db) }
    }

    public func audit(_ query: AuditQuery) throws -> [AuditEvent] {
        try read { db in
            let rows = if let before = query.before, query.who == nil {
                try Row.fetchAll(db, sql: AccessSQL.auditPageBefore, arguments: [before, query.limit])
            } else if let who = query.who {
                try Row.fetchAll(db, sql: AccessSQL.auditPageOfWho, arguments: [who, query.after, query.limit])
            } else {
                try Row.fetchAll(db, sql: AccessSQL.auditPage, arguments: [query.after, query.limit])
            }
            return rows.map(Self.auditEvent)
        }
    }

    /// An audit line from a row of `AccessSQL.auditColumns`.
    static func auditEvent(_ row: Row) -> AuditEvent {
        AuditEvent(id: row[0], at: Instant(seconds: row[1]), who: row[2], role: (row[3] as String?).flatMap(Role.init(rawValue:)),
                   what: row[4], ids: row[5], outcome: row[6], detail: row[7])
    }

    /// Appends audit lines inside an open transaction.
    static func insert(_ events: [AuditEvent], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: AccessSQL.appendAudit)
        for e in events {
            try statement.execute(arguments: [e.at.seconds, e.who, e.role?.rawValue, e.what, e.ids, e.outcome, e.detail])
        }
    }
}
