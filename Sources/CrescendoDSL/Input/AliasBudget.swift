import Yams

/// Bounds the work that YAML aliases can cause. Yams shares an anchored node with every alias
/// to it, so memory stays small, but walking the tree visits each use again: nested aliases
/// grow exponentially. Every node visited again through an anchor counts against a budget.
enum AliasBudget {
    /// The anchored node whose repeated expansion ran out the budget, or `nil` when it did not.
    /// The parser that produced `root` must still be alive (it owns the anchors).
    static func check(_ root: Node, budget: Int) -> Node? {
        var seen = Set<ObjectIdentifier>()
        var remaining = budget
        var stack: [(node: Node, expansion: Node?)] = [(root, nil)]
        while let (node, outer) = stack.popLast() {
            var expansion = outer
            if expansion == nil, let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted {
                expansion = node
            }
            if let expansion {
                remaining -= 1
                if remaining < 0 { return expansion }
            }
            switch node {
            case .mapping(let m):
                for (k, v) in m { stack.append((k, expansion)); stack.append((v, expansion)) }
            case .sequence(let s):
                for child in s { stack.append((child, expansion)) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }
}
