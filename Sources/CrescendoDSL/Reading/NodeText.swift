import Yams

/// Short descriptions of nodes for messages.
enum NodeText {
    /// `"lots"`, `a list`, `a mapping` or `nothing`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return isNull(node) ? "nothing" : "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A plain `~`, `null` or empty value.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The text of a scalar written without quotes.
    static func plain(_ node: Node) -> String? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return nil }
        return s.string
    }
}
