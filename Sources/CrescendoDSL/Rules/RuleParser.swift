import Yams
import CrescendoCore

/// Reads `rules:`. Each rule is named in messages by its id, or `rules[N]` (counting from 0)
/// until it has one.
struct RuleParser {
    let reader: NodeReader
    let declared: Declarations

    /// Every well-formed rule of the list; problems are reported, and the broken rules left out.
    func parse(_ node: Node, source: String) -> [ParsedRule] {
        guard let items = reader.list(node, "rules", "rules") else { return [] }
        return items.enumerated().compactMap { rule($1, index: $0, source: source) }
    }

    private func rule(_ node: Node, index: Int, source: String) -> ParsedRule? {
        let fallback = "rules[\(index)]"
        var code = fallback
        if case .mapping(let m) = node, let idNode = m["id"], case .scalar(let s) = idNode, !NodeText.isNull(idNode) {
            code = s.string
        }
        guard let f = reader.fields(node, code, Shapes.rule) else { return nil }
        let id = f["id"].flatMap { ruleID($0, fallback) }
        if f["id"] == nil { reader.sink.error(node, code, "a rule needs 'id'", hint: "e.g. id: briefing-every-20") }
        let trigger = f["when"].flatMap { TriggerParser(reader: reader, declared: declared).parse($0, code) }
        if f["when"] == nil { reader.sink.error(node, code, "rule has no 'when'", hint: "add a trigger, e.g. when: { every: 20 }") }
        let conditions = f["if"].map { ConditionParser(reader: reader, declared: declared).parse($0, code) } ?? []
        let actionParser = ActionParser(reader: reader, declared: declared)
        let actions = f["do"].flatMap { actionParser.parse($0, code, "do") }
        if f["do"] == nil {
            reader.sink.error(node, code, "rule has no 'do'", hint: "add the actions it takes, e.g. do: [ { escalate: {} } ]")
        } else if let actions, actions.isEmpty, let doNode = f["do"] {
            reader.sink.error(doNode, code, "'do' is empty; a rule needs at least one action")
        }
        let then = f["then"].flatMap { actionParser.parse($0, code, "then") }
        let onMissed = f["on_missed"].flatMap { reader.choice($0, code, "on_missed", of: Shapes.rule) }
        let enabled = f["enabled"].flatMap { reader.bool($0, code, "enabled") }
        // An optional key that is present but unreadable makes the rule unusable.
        let optionalsRead = (f["then"] == nil || then != nil) && (f["on_missed"] == nil || onMissed != nil)
            && (f["enabled"] == nil || enabled != nil)
        guard let id, let idNode = f["id"], let trigger, let conditions, let actions, !actions.isEmpty, optionalsRead else { return nil }
        let rule = Rule(id: id, trigger: trigger, conditions: conditions, actions: actions.map(\.spec),
                        then: then?.map(\.spec), onMissed: onMissed.flatMap(Rule.OnMissed.init) ?? .fireOnce,
                        enabled: enabled ?? true, source: source)
        return ParsedRule(rule: rule, idNode: idNode, actions: actions, then: then)
    }

    /// Rule ids are letters, digits, '-', '_' and '.', starting with a letter or digit.
    private func ruleID(_ node: Node, _ code: String) -> String? {
        guard let id = reader.string(node, code, "id") else { return nil }
        guard IDSyntax.isRuleID(id) else {
            reader.sink.error(node, id, "rule id '\(id)' may use only letters, digits, '-', '_' and '.'",
                              hint: "e.g. briefing-every-20")
            return nil
        }
        return id
    }
}
