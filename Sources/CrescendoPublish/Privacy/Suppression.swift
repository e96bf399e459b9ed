/// Primary and complementary cell suppression over additive tables.
///
/// Cells are named by keys. A `Line` says that its `parts` add up to its `total` (a row of a
/// table and its row total, a column and its column total, the row totals and the grand
/// total, ...). The solver:
///
/// 1. withholds every cell whose value is above zero and below `minCount` (primary
///    suppression, published as "fewer than N");
/// 2. then, until nothing changes, looks at every line in order: when exactly one of its
///    parts and total is withheld, that one could be recomputed by subtraction, so it also
///    withholds the smallest visible non-zero part of the line (ties by key), else the
///    line's total (complementary suppression). A zero is never a complement: counts are
///    never negative, so a hidden zero beside a visible total of zero gives itself away.
///
/// The withheld set only grows, so the loop ends. Cells in `pinned` are public anyway (the
/// ledger's size is part of its hash chain) and are never withheld.
public struct Suppression: Sendable {
    /// Parts that add up to a total.
    public struct Line: Hashable, Sendable {
        public var parts: [String]
        public var total: String
        public init(parts: [String], total: String) { self.parts = parts; self.total = total }
    }

    public var values: [String: Int]
    public var lines: [Line]
    public var pinned: Set<String>

    public init(values: [String: Int], lines: [Line], pinned: Set<String> = []) {
        self.values = values; self.lines = lines; self.pinned = pinned
    }

    /// Every cell as it may be published.
    public func solve(minCount: Int) -> [String: Disclosed] {
        let primary = Set(values.filter { $0.value > 0 && $0.value < minCount && !pinned.contains($0.key) }.keys)
        var hidden = primary
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let hiddenCount = line.parts.filter(hidden.contains).count + (hidden.contains(line.total) ? 1 : 0)
                guard hiddenCount == 1 else { continue }
                let candidates = line.parts.filter { !hidden.contains($0) && !pinned.contains($0) && (values[$0] ?? 0) > 0 }
                    .sorted { a, b in (values[a] ?? 0, a) < (values[b] ?? 0, b) }
                if let next = candidates.first {
                    hidden.insert(next)
                } else if !hidden.contains(line.total) && !pinned.contains(line.total) {
                    hidden.insert(line.total)
                } else {
                    continue
                }
                changed = true
            }
        }
        var out: [String: Disclosed] = [:]
        for (key, value) in values {
            out[key] = primary.contains(key) ? .fewerThan(minCount) : hidden.contains(key) ? .withheld : .count(value)
        }
        return out
    }
}
