import Yams
import CrescendoCore

/// The rules of a campaign file and its libraries, read with one set of declarations.
struct RuleSet {
    /// A rule with the file it came from.
    struct Entry {
        var parsed: ParsedRule
        var sink: DiagnosticSink
    }

    private(set) var entries: [Entry] = []

    /// Reads the rules of each file in order; ids must be unique across all of them (the
    /// second one is reported).
    init(files: [(rules: Node?, sink: DiagnosticSink)], declared: Declarations) {
        var firstSeen: [String: (DiagnosticSink, Position)] = [:]
        for file in files {
            guard let node = file.rules else { continue }
            let reader = NodeReader(sink: file.sink)
            for parsed in RuleParser(reader: reader, declared: declared).parse(node, source: file.sink.file) {
                let id = parsed.rule.id
                if let (sink, at) = firstSeen[id] {
                    file.sink.error(parsed.idNode, id, "duplicate rule id '\(id)'",
                                    hint: "the first is at \(sink.file):\(at.line):\(at.column); rule ids are unique across a campaign and its includes")
                    continue
                }
                firstSeen[id] = (file.sink, Position(parsed.idNode))
                entries.append(Entry(parsed: parsed, sink: file.sink))
            }
        }
    }

    var rules: [Rule] { entries.map(\.parsed.rule) }

    /// Where each rule renders a template, and what it provides there.
    var templateUses: [TemplateChecker.Use] {
        entries.flatMap { entry -> [TemplateChecker.Use] in
            let rule = entry.parsed.rule
            let provided = TemplateVariables.provided(by: rule)
            return (entry.parsed.actions + (entry.parsed.then ?? [])).compactMap { action in
                guard let template = action.spec.action.template, let node = action.templateNode else { return nil }
                return TemplateChecker.Use(template: template, provided: provided, node: node, code: rule.id, sink: entry.sink)
            }
        }
    }
}
