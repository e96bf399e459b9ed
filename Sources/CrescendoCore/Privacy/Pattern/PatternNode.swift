/// A parsed `privacy.redact` pattern (or a built-in detector): the regular-expression subset
/// that `LinearPattern` runs in time linear in the text.
indirect enum PatternNode: Sendable {
    /// Matches the empty text.
    case empty
    /// One scalar from the set.
    case scalar(ScalarSet)
    /// A zero-width test of the position.
    case assertion(PatternAssertion)
    case sequence([PatternNode])
    /// Branches, the first that matches preferred (as in Perl and ICU).
    case alternation([PatternNode])
    /// `min` to `max` (nil: no limit) times; greedy prefers more.
    case repetition(PatternNode, min: Int, max: Int?, greedy: Bool)

    /// Whether the node can match the empty text.
    var matchesEmpty: Bool {
        switch self {
        case .empty, .assertion: return true
        case .scalar: return false
        case .sequence(let items): return items.allSatisfy(\.matchesEmpty)
        case .alternation(let items): return items.contains(where: \.matchesEmpty)
        case .repetition(let body, let min, _, _): return min == 0 || body.matchesEmpty
        }
    }
}

/// A zero-width test: anchors, word boundaries and one-scalar look-around.
enum PatternAssertion: Sendable, Equatable {
    /// `^` and `\A`: the start of the text.
    case start
    /// `$`: the end of the text, or just before a final line break; `\z`: the very end.
    case end(beforeFinalNewline: Bool)
    /// `\b` (or `\B` when negated).
    case wordBoundary(negated: Bool)
    /// `(?=X)` / `(?!X)`: the next scalar is (is not) in `set`; `orEnd`: the end also passes `(?=X|$)`.
    case ahead(ScalarSet?, orEnd: Bool, negated: Bool)
    /// `(?<=X)` / `(?<!X)`: the previous scalar is (is not) in `set`; `orStart`: the start also passes.
    case behind(ScalarSet?, orStart: Bool, negated: Bool)

    /// Whether the test passes at `pos` in `text`.
    func holds(at pos: Int, in text: [Unicode.Scalar], caseless: Bool) -> Bool {
        switch self {
        case .start: return pos == 0
        case .end(let beforeNewline):
            return pos == text.count || (beforeNewline && pos == text.count - 1 && text[pos] == "\n")
        case .wordBoundary(let negated):
            let before = pos > 0 && ScalarSet.Named.word.contains(text[pos - 1])
            let after = pos < text.count && ScalarSet.Named.word.contains(text[pos])
            return (before != after) != negated
        case .ahead(let set, let orEnd, let negated):
            let passes = pos < text.count ? set?.contains(text[pos], caseless: caseless) ?? false : orEnd
            return passes != negated
        case .behind(let set, let orStart, let negated):
            let passes = pos > 0 ? set?.contains(text[pos - 1], caseless: caseless) ?? false : orStart
            return passes != negated
        }
    }
}
