extension LinearPattern {
    /// Why a campaign's `privacy.redact` pattern is refused even though this engine can run it,
    /// or nil: it matches the empty text, or it nests unbounded repetition (`(a+)+`, `(\w*)*`),
    /// the shape that takes exponential time in every backtracking engine the same campaign
    /// file may meet (a spreadsheet, a database, an older Crescendo).
    public var hazard: String? {
        if matchesEmpty { return "it matches the empty text, so it would put [redacted] between every two characters" }
        if Self.nestsUnbounded(tree, inside: false) {
            return "it nests repetition inside unbounded repetition (as (a+)+), which takes exponential time in a backtracking engine"
        }
        return nil
    }

    private static func nestsUnbounded(_ node: PatternNode, inside: Bool) -> Bool {
        switch node {
        case .empty, .scalar, .assertion: return false
        case .sequence(let items), .alternation(let items): return items.contains { nestsUnbounded($0, inside: inside) }
        case .repetition(let body, let min, let max, _):
            // A count that can vary (`+`, `*`, `{1,5}`) inside unbounded repetition; a fixed
            // count (`(\d{3}-)+`) can be matched only one way.
            if inside && max != min { return true }
            return nestsUnbounded(body, inside: inside || max == nil)
        }
    }
}
