import Yams

/// Bounds the work that YAML aliases can cause. Yams shares an anchored node with every alias
/// to it, so memory stays small, but walking the tree visits each use again: nested aliases
/// grow exponentially. Every node visited again through an anchor counts against a budget.
enum AliasBudget {
    /// The anchored node being expanded when the budget ran out, or `nil` when it did not.
    /// The parser that produced `root` must still be alive (it owns the anchors).
    static func check(_ root: Node, budget: Int) -> Node? {
        var seen = Set<ObjectIdentifier>()
        var remaining = budget
        var stack: [(node: Node, expanding: Bool)] = [(root, false)]
        while let (node, expandingParent) = stack.popLast() {
            var expanding = expandingParent
            if let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted { expanding = true }
            if expanding {
                remaining -= 1
                if remaining < 0 { return node }
            }
            switch node {
            case .mapping(let m):
                for (k, v) in m { stack.append((k, expanding)); stack.append((v, expanding)) }
            case .sequence(let s):
                for child in s { stack.append((child, expanding)) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }
}
