import Yams
import CrescendoCore

/// Reads `above: X` or `below: X` from a threshold trigger or condition.
struct ComparisonParser {
    let reader: NodeReader

    func parse(_ f: Fields, _ code: String) -> Comparison? {
        let limits = f.entries.filter { $0.key == "above" || $0.key == "below" }
        if limits.count > 1 {
            reader.sink.error(limits[1].keyNode, code, "'above' and 'below' cannot be used together",
                              hint: "use two rules, one for each edge")
            return nil
        }
        guard let limit = limits.first else {
            reader.sink.error(f.node, code, "a threshold needs 'above: X' or 'below: X'")
            return nil
        }
        guard let x = reader.number(limit.value, code, limit.key) else { return nil }
        return limit.key == "above" ? .above(x) : .below(x)
    }
}
