import Yams
import CrescendoCore

/// Reads `if:`: a list of conditions, all of which must hold (section 4).
struct ConditionParser {
    let reader: NodeReader
    let declared: Declarations
    static let keys = ["in_window", "not_in_window", "indicator", "above", "below", "count", "at_least"]
    static let forms = ["in_window", "not_in_window", "indicator", "count"]

    func parse(_ node: Node, _ code: String) -> [Condition]? {
        reader.list(node, code, "if") { condition($0, code) }
    }

    private func condition(_ node: Node, _ code: String) -> Condition? {
        guard let f = reader.fields(node, code, "a condition", keys: Self.keys) else { return nil }
        guard let form = reader.form(f, code, "a", "condition", among: Self.forms) else { return nil }
        let takes: [String: [String]] = ["indicator": ["above", "below"], "count": ["at_least"]]
        for entry in f.entries where entry.key != form.key && !(takes[form.key] ?? []).contains(entry.key) {
            reader.sink.error(entry.keyNode, code, "'\(entry.key)' does not apply to '\(form.key)' conditions")
            return nil
        }
        switch form.key {
        case "in_window":
            return reader.reference(form.value, code, "in_window", .window, in: declared).map(Condition.inWindow)
        case "not_in_window":
            return reader.reference(form.value, code, "not_in_window", .window, in: declared).map(Condition.notInWindow)
        case "indicator":
            let name = reader.reference(form.value, code, "indicator", .indicator, in: declared)
            guard let comparison = ComparisonParser(reader: reader).parse(f, code), let name else { return nil }
            return .indicator(name, comparison)
        default:
            let entries = reader.choice(form.value, code, "count", ["entries"])
            guard let atLeastNode = f["at_least"] else {
                reader.sink.error(node, code, "'count: entries' needs 'at_least: N'")
                return nil
            }
            guard let n = reader.int(atLeastNode, code, "at_least", min: 0), entries != nil else { return nil }
            return .entriesAtLeast(n)
        }
    }
}
