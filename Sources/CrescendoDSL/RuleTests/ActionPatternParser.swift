import Yams
import CrescendoCore

/// Reads `expect` and `expect_none` patterns: `at` is an instant; every other key is an output
/// field of `simulate --format json` (section 8), compared as text.
struct ActionPatternParser {
    static let actions = ActionParser.actions + ["silence"]

    let context: TestContext
    let code: String
    var reader: NodeReader { context.reader }

    func list(_ node: Node, _ key: String) -> [ActionPattern] {
        guard let items = reader.list(node, code, key) else { return [] }
        return items.compactMap(pattern)
    }

    private func pattern(_ node: Node) -> ActionPattern? {
        guard let f = reader.fields(node, code, Shapes.pattern) else { return nil }
        var pattern = ActionPattern(line: Position(node).line)
        for entry in f.entries {
            if entry.key == "at" {
                pattern.at = reader.instant(entry.value, code, "at", zone: context.zone)
                continue
            }
            if entry.key == "deliver_at" {
                // An instant, as `at` is; compared with the action's field, which is one in UTC.
                pattern.fields["deliver_at"] = reader.instant(entry.value, code, "deliver_at", zone: context.zone)?.iso8601 ?? ""
                continue
            }
            guard case .scalar(let s) = entry.value else {
                reader.sink.error(entry.value, code, "'\(entry.key)' must be a single value, not \(NodeText.describe(entry.value))")
                continue
            }
            switch entry.key {
            case "rule":
                if let rules = context.campaign?.rules.map(\.id), !rules.contains(s.string) {
                    reader.sink.error(entry.value, code, "the campaign has no rule '\(s.string)'", hint: Suggestion.hint(for: s.string, in: rules))
                }
            case "action":
                _ = reader.choice(entry.value, code, "action", Self.actions)
            case "per":
                _ = reader.choice(entry.value, code, "per", Dimension.allCases.map(\.rawValue))
            default:
                break
            }
            pattern.fields[entry.key] = s.string
        }
        return pattern
    }
}
