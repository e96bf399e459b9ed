import CrescendoCore

extension AuditEvent {
    /// The one JSON shape of an audit line, for `GET /api/audit` and `crescendo audit --format
    /// json` alike: `id`, `at`, `who`, `role`, `what`, `ids`, `outcome`, `detail`.
    public var json: JSONValue {
        let role: JSONValue = self.role.map { JSONValue.string($0.rawValue) } ?? .null
        let detail: JSONValue = self.detail.map { JSONValue.string($0) } ?? .null
        let fields: [(String, JSONValue)] = [
            ("id", .int(id ?? 0)), ("at", .instant(at)), ("who", .string(who)), ("role", role),
            ("what", .string(what)), ("ids", .string(ids)), ("outcome", .int(outcome)), ("detail", detail),
        ]
        return .object(fields)
    }
}
