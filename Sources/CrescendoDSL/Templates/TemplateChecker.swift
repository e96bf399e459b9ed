import Yams
import Mustache

/// Checks templates: Mustache syntax, and that every variable a template uses is provided
/// wherever it is rendered. A template used by rules is checked against what each of those
/// rules provides (at the use); a template no rule uses (like `story` or `weekly`, rendered by
/// `publish`) against every variable there is (at the tag).
struct TemplateChecker {
    /// Where a template is rendered.
    struct Use {
        var template: String
        var provided: Set<String>
        var node: Node
        var code: String
        var sink: DiagnosticSink
    }

    let templates: [DeclaredTemplate]

    func check(uses: [Use]) {
        var tagsByBase: [String: [(DeclaredTemplate, TemplateTags)]] = [:]
        for template in templates {
            guard syntaxIsValid(template) else { continue }
            tagsByBase[template.base, default: []].append((template, TemplateTags(template.source)))
        }
        var used = Set<String>()
        for use in uses {
            used.insert(use.template)
            var reported = Set<String>()
            for (template, tags) in tagsByBase[use.template] ?? [] {
                for tag in tags.tags where !isProvided(tag, use.provided) && reported.insert(tag.name).inserted {
                    use.sink.error(use.node, use.code, "template '\(template.id)' uses variable '\(tag.name)', which rule '\(use.code)' never provides",
                                   hint: "here a template gets: \(use.provided.sorted().joined(separator: ", "))")
                }
            }
        }
        let all = Set(TemplateVariables.all)
        for (base, list) in tagsByBase.sorted(by: { $0.key < $1.key }) where !used.contains(base) {
            for (template, tags) in list {
                for tag in tags.tags where !isProvided(tag, all) {
                    template.sink.error(position(of: tag, in: template), "templates",
                                        "template '\(template.id)' uses variable '\(tag.name)', which is never provided",
                                        hint: Suggestion.hint(for: tag.name, in: TemplateVariables.all + TemplateVariables.metricItem)
                                            ?? "templates get: \(TemplateVariables.all.joined(separator: ", "))")
                }
            }
        }
    }

    private func isProvided(_ tag: TemplateTags.Tag, _ provided: Set<String>) -> Bool {
        tag.name == "." || provided.contains(tag.name)
            || (tag.sections.contains("metrics") && TemplateVariables.metricItem.contains(tag.name))
    }

    private func syntaxIsValid(_ template: DeclaredTemplate) -> Bool {
        do {
            _ = try MustacheTemplate(string: template.source)
            return true
        } catch let error as MustacheTemplate.ParserError {
            let offset = Self.offset(line: error.context.lineNumber, column: error.context.columnNumber, in: template.source)
            template.sink.error(position(ofOffset: offset, in: template), "templates",
                                "template '\(template.id)' has a syntax error: \(Self.describe(error.error))")
            return false
        } catch {
            template.sink.error(template.valueNode, "templates", "template '\(template.id)' has a syntax error: \(error)")
            return false
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "template inheritance is used wrongly"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a {{% ... }} pragma is not recognised"
        }
    }

    private static func offset(line: Int, column: Int, in source: String) -> Int {
        var currentLine = 1
        var offset = 0
        for scalar in source.unicodeScalars {
            if currentLine == line { break }
            if scalar == "\n" { currentLine += 1 }
            offset += 1
        }
        return offset + column - 1
    }

    private func position(of tag: TemplateTags.Tag, in template: DeclaredTemplate) -> Position {
        position(ofOffset: tag.offset, in: template)
    }

    /// The file position of an offset in a template: exact for one-line plain or quoted
    /// scalars, otherwise the template's value.
    private func position(ofOffset offset: Int, in template: DeclaredTemplate) -> Position {
        let node = Position(template.valueNode)
        guard case .scalar(let s) = template.valueNode, !template.source.contains("\n") else { return node }
        switch s.style {
        case .plain, .any: return Position(line: node.line, column: node.column + offset)
        case .singleQuoted, .doubleQuoted:
            return Position(line: node.line, column: node.column + 1 + offset)
        case .literal, .folded: return node
        }
    }
}
