import Yams
import CrescendoCore

/// Reads action lists (`do`, `then`, `decompression`): each item has exactly one action key,
/// plus optional `in: D` and `channel: ID` (section 5).
struct ActionParser {
    let reader: NodeReader
    let declared: Declarations
    static let actions = Shapes.action.forms.map(\.key)

    /// A parsed action with the node of its template reference, for the template checks.
    struct Parsed {
        var spec: ActionSpec
        var node: Node
        var templateNode: Node?
    }

    func parse(_ node: Node, _ code: String, _ key: String) -> [Parsed]? {
        reader.list(node, code, key) { action($0, code) }
    }

    private func action(_ node: Node, _ code: String) -> Parsed? {
        guard let f = reader.fields(node, code, Shapes.action) else { return nil }
        guard let first = reader.form(f, code, "an", "action") else { return nil }
        let delay = f["in"].map { reader.duration($0, code, "in") } ?? .zero
        let channel = f["channel"].flatMap { reader.reference($0, code, "channel", .channel, in: declared) }
        guard let (kind, templateNode) = kind(first.key, first.value, code), let delay else { return nil }
        if delay.seconds < 0 {
            reader.sink.error(f["in"] ?? node, code, "'in' must not be negative, not \(delay)")
            return nil
        }
        return Parsed(spec: ActionSpec(kind, delay: delay, channel: channel), node: node, templateNode: templateNode)
    }

    private func kind(_ key: String, _ value: Node, _ code: String) -> (ActionKind, Node?)? {
        switch key {
        case "escalate":
            guard let f = reader.fields(value, code, Shapes.escalate) else { return nil }
            if let ladder = f["ladder"] {
                return reader.reference(ladder, code, "ladder", .ladder, in: declared).map { (.escalate(ladder: $0), nil) }
            }
            if let ladders = declared.ladders, ladders.count != 1 {
                reader.sink.error(value, code, ladders.isEmpty ? "escalate needs a ladder, and none is declared"
                                    : "escalate needs 'ladder' when the campaign declares \(ladders.count) ladders",
                                  hint: ladders.isEmpty ? "declare one under `ladders:`" : "one of: \(ladders.joined(separator: ", "))")
                return nil
            }
            return (.escalate(ladder: nil), nil)
        case "briefing":
            guard let f = reader.fields(value, code, Shapes.briefing) else { return nil }
            let demand = f["demand"].flatMap { reader.reference($0, code, "demand", .demand, in: declared) }
            let deadline = f["deadline"].flatMap { deadlineLength($0, code) }
            let to = f["to"].flatMap { reader.string($0, code, "to") }
            guard let demand, let deadline, f["to"] == nil || to != nil else { return nil }
            return (.briefing(demand: demand, deadline: deadline, to: to), nil)
        case "ritual":
            guard let f = reader.fields(value, code, Shapes.ritual) else { return nil }
            guard let kind = f["kind"].flatMap({ reader.string($0, code, "kind") }),
                  let text = f["text"].flatMap({ reader.string($0, code, "text") }) else { return nil }
            return (.ritual(kind: kind, text: text), nil)
        case "publish":
            guard let f = reader.fields(value, code, Shapes.publish),
                  let node = f["template"], let template = reader.reference(node, code, "template", .template, in: declared) else { return nil }
            return (.publish(template: template), node)
        case "notify":
            return notify(value, code)
        default:
            guard let f = reader.fields(value, code, Shapes.rapidResponse) else { return nil }
            guard let team = f["team"].flatMap({ reader.string($0, code, "team") }),
                  let text = f["text"].flatMap({ reader.string($0, code, "text") }) else { return nil }
            return (.rapidResponse(team: team, text: text), nil)
        }
    }

    /// The most business days a deadline may take: about 100 years, as for durations.
    static let businessDayLimit = 26_000

    /// A briefing's `deadline`: a positive duration (`14d`) or business days (`10bd`).
    private func deadlineLength(_ node: Node, _ code: String) -> DeadlineLength? {
        guard let text = reader.string(node, code, "deadline") else { return nil }
        guard text.hasSuffix("bd") else { return reader.positiveDuration(node, code, "deadline").map { .span($0) } }
        let digits = text.dropLast(2)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else {
            reader.sink.error(node, code, "malformed business days for 'deadline': \"\(text)\"", hint: "write a whole number and bd, e.g. 10bd")
            return nil
        }
        guard n >= 1, n <= Self.businessDayLimit else {
            reader.sink.error(node, code, n < 1 ? "'deadline' must be at least 1bd, not \(text)" : "'deadline' is longer than 100 years: \"\(text)\"")
            return nil
        }
        return .businessDays(n)
    }

    private func notify(_ value: Node, _ code: String) -> (ActionKind, Node?)? {
        guard let f = reader.fields(value, code, Shapes.notify) else { return nil }
        let channel = f["channel"].flatMap { reader.reference($0, code, "channel", .channel, in: declared) }
        switch (f["text"], f["template"]) {
        case (nil, nil):
            reader.sink.error(value, code, "notify needs 'text' or 'template'")
            return nil
        case (_?, _?):
            reader.sink.error(f.keyNode("template") ?? value, code, "notify takes 'text' or 'template', not both")
            return nil
        case (let text?, nil):
            guard let text = reader.string(text, code, "text"), f["channel"] == nil || channel != nil else { return nil }
            return (.notify(channel: channel, text: text, template: nil), nil)
        case (nil, let node?):
            guard let template = reader.reference(node, code, "template", .template, in: declared),
                  f["channel"] == nil || channel != nil else { return nil }
            return (.notify(channel: channel, text: nil, template: template), node)
        }
    }
}
