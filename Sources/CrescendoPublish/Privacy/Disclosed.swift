/// A count as it may be published: exact, or withheld for privacy.
public enum Disclosed: Hashable, Sendable {
    /// The exact count.
    case count(Int)
    /// A count above zero and below `privacy.min_count`, published as "fewer than N".
    case fewerThan(Int)
    /// A count that is large enough on its own but withheld so that a small count in the same
    /// row or column cannot be worked out from the totals (complementary suppression).
    case withheld

    /// The exact value, when it may be published.
    public var value: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// The words a page, a CSV cell or a feed shows: `12`, `fewer than 5`, `withheld`.
    public var text: String {
        switch self {
        case .count(let n): return Format.integer(Int64(n))
        case .fewerThan(let n): return "fewer than \(n)"
        case .withheld: return "withheld"
        }
    }

    /// `exact`, `fewer than N` or `withheld`: the disclosure column of the open data.
    public var disclosure: String {
        switch self {
        case .count: return "exact"
        case .fewerThan(let n): return "fewer than \(n)"
        case .withheld: return "withheld"
        }
    }
}
