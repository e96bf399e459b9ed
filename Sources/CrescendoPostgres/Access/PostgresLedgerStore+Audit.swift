import CrescendoCore
import CrescendoStore
import PostgresNIO

/// The audit log (schema v5): append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
extension PostgresLedgerStore {
    public func appendAudit(_ events: [AuditEvent]) async throws {
        guard !events.isEmpty else { return }
        try await transaction { c in try await self.insertAudit(events, c) }
    }

    public func audit(_ query: AuditQuery) async throws -> [AuditEvent] {
        let limit = Int64(max(0, query.limit))
        let sql: PostgresQuery = if let before = query.before, query.who == nil {
            "SELECT \(unescaped: Self.auditColumns) FROM audit WHERE id < \(before) ORDER BY id DESC LIMIT \(limit)"
        } else if let who = query.who {
            "SELECT \(unescaped: Self.auditColumns) FROM audit WHERE who = \(who) AND id > \(query.after) ORDER BY id LIMIT \(limit)"
        } else {
            "SELECT \(unescaped: Self.auditColumns) FROM audit WHERE id > \(query.after) ORDER BY id LIMIT \(limit)"
        }
        return try await withConnection { c in
            var out: [AuditEvent] = []
            let rows = try await c.run(sql, logger: self.logger)
            for try await row in rows.decode((Int64, Int64, String, String?, String, String, Int64, String?).self) { out.append(Self.auditEvent(row)) }
            return out
        }
    }

    static let auditColumns = "id, at, who, role, what, ids, outcome, detail"

    /// An audit line from a row of `auditColumns`.
    static func auditEvent(_ r: (Int64, Int64, String, String?, String, String, Int64, String?)) -> AuditEvent {
        AuditEvent(id: r.0, at: Instant(seconds: r.1), who: r.2, role: r.3.flatMap(Role.init(rawValue:)), what: r.4, ids: r.5,
                   outcome: Int(r.6), detail: r.7)
    }

    /// Appends audit lines inside an open transaction.
    func insertAudit(_ events: [AuditEvent], _ c: PostgresConnection) async throws {
        var rows = RowInserter(table: "audit", columns: ["at", "who", "role", "what", "ids", "outcome", "detail"])
        for e in events {
            try await rows.add(c, logger: logger) {
                $0.append(e.at.seconds); $0.append(e.who); $0.append(e.role?.rawValue); $0.append(e.what); $0.append(e.ids)
                $0.append(Int64(e.outcome)); $0.append(e.detail)
            }
        }
        _ = try await rows.finish(c, logger: logger)
    }
}
