import CrescendoCore
import CrescendoStore

/// An action as `GET /api/actions` shows it: id, state and the action's own JSON.
enum ActionJSON {
    static func value(_ a: ActionRecord) -> JSONValue {
        var f: [(String, JSONValue)] = [("id", .string(a.id)), ("campaign", .string(a.campaign)), ("state", .string(a.state.rawValue)),
                                        ("due", .instant(a.dueAt)), ("late", .bool(a.late)), ("attempts", .int(a.attempts)),
                                        ("channels", .array(a.channels.map { .string($0) }))]
        if let d = a.deliveredAt { f.append(("delivered_at", .instant(d))) }
        if let r = a.reason { f.append(("reason", .string(r))) }
        // The payload is `Occurrence.json(id:)` as the channels received it, in its order.
        f.append(("action", .written(a.payload)))
        return .object(f)
    }
}
