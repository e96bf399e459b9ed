import Yams
import CrescendoCore

/// Reads `if:`: a list of conditions, all of which must hold (section 4).
struct ConditionParser {
    let reader: NodeReader
    let declared: Declarations

    func parse(_ node: Node, _ code: String) -> [Condition]? {
        reader.list(node, code, "if") { condition($0, code) }
    }

    private func condition(_ node: Node, _ code: String) -> Condition? {
        guard let f = reader.fields(node, code, Shapes.condition) else { return nil }
        guard let form = reader.form(f, code, "a", "condition") else { return nil }
        let takes = Shapes.condition.form(form.key)?.takes ?? []
        for entry in f.entries where entry.key != form.key && !takes.contains(entry.key) {
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
            let entries = reader.choice(form.value, code, "count", of: Shapes.condition)
            guard let atLeastNode = f["at_least"] else {
                reader.sink.error(node, code, "'count: entries' needs 'at_least: N'")
                return nil
            }
            guard let n = reader.int(atLeastNode, code, "at_least", of: Shapes.condition), entries != nil else { return nil }
            return .entriesAtLeast(n)
        }
    }
}
