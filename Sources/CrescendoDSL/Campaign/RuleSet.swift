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
            var duplicates: Set<Position> = []
            if case .sequence(let items) = node {
                for case .mapping(let m) in items {
                    guard let idNode = m["id"], case .scalar(let s) = idNode else { continue }
                    if let (sink, at) = firstSeen[s.string] {
                        file.sink.error(idNode, s.string, "duplicate rule id '\(s.string)'",
                                        hint: "the first is at \(sink.file):\(at.line):\(at.column); rule ids are unique across a campaign and its includes")
                        duplicates.insert(Position(idNode))
                    } else {
                        firstSeen[s.string] = (file.sink, Position(idNode))
                    }
                }
            }
            for parsed in RuleParser(reader: reader, declared: declared).parse(node, source: file.sink.file)
            where !duplicates.contains(Position(parsed.idNode)) {
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
