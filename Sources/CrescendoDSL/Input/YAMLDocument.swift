import Yams

/// The composed YAML tree of a file, with every node's line and column.
///
/// Parsing reports, each at its position: YAML syntax errors, duplicate keys (at the second
/// one), an empty document, a top level that is not a mapping, and aliases that expand to more
/// than `aliasBudget` nodes (a "billion laughs" file).
struct YAMLDocument {
    /// Nodes that aliases may add by expansion before the file is refused.
    static let aliasBudget = 100_000

    let root: Node.Mapping
    let rootNode: Node

    static func parse(_ source: SourceFile, into sink: DiagnosticSink) -> YAMLDocument? {
        let parser: Parser
        let root: Node?
        do {
            // Tags are not used (values are read by their text and quoting), and the basic
            // resolver spares a regular-expression match per scalar.
            parser = try Parser(yaml: source.text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            report(error, source: source, into: sink)
            return nil
        } catch {
            sink.error(.start, "yaml", "cannot be parsed: \(error)")
            return nil
        }
        guard let root else {
            sink.error(.start, "file", "is empty", hint: "a campaign file starts with `campaign:`; a rule library with `rules:`")
            return nil
        }
        // Without an `&` there is no anchor, so no alias, and nothing to bound.
        let mayHaveAnchors = source.text.utf8.contains(UInt8(ascii: "&"))
        let expanded = mayHaveAnchors ? withExtendedLifetime(parser) { AliasBudget.check(root, budget: aliasBudget) } : nil
        if let node = expanded {
            sink.error(node, "yaml", "aliases expand to more than \(aliasBudget) nodes; the file is refused",
                       hint: "write the values out instead of nesting aliases")
            return nil
        }
        guard case .mapping(let mapping) = root else {
            sink.error(root, "file", "the top level must be a mapping of keys, not \(NodeText.describe(root))",
                       hint: "a campaign file starts with `campaign:`; a rule library with `rules:`")
            return nil
        }
        return YAMLDocument(root: mapping, rootNode: root)
    }

    private static func report(_ error: YamlError, source: SourceFile, into sink: DiagnosticSink) {
        switch error {
        case let .composer(_, problem, mark, _) where problem == "but found another document":
            sink.error(Position(line: mark.line, column: mark.column), "yaml", "a second YAML document; a file holds exactly one",
                       hint: "remove the `---` line, or split the file in two")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            sink.error(Position(line: mark.line, column: mark.column), "yaml", message)
        case let .reader(problem, _, _, _):
            sink.error(.start, "yaml", "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let first = Position(line: context.mark.line, column: context.mark.column)
            let second = DuplicateKeyLocator.second(key: key, after: first, in: source.text) ?? first
            sink.error(second, "yaml", "duplicate key '\(key)'",
                       hint: "'\(key)' is already set at line \(first.line), column \(first.column); a key may appear once per mapping")
        default:
            sink.error(.start, "yaml", "invalid YAML: \(error)")
        }
    }
}
