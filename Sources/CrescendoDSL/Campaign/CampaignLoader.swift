import Yams
import CrescendoCore

/// Loads and checks the files of the campaign language: campaign files (with the rule
/// libraries they include), rule libraries on their own, and rule-test files.
///
/// Every problem of every file is collected in one run; nothing here throws or traps on bad
/// input.
public struct CampaignLoader: Sendable {
    public init() {}

    /// A loaded campaign (`nil` when any error was found) and every diagnostic, warnings included.
    public struct Result: Sendable {
        /// The campaign with its libraries' rules after its own; `nil` when any file has an error.
        public var campaign: Campaign?
        /// Every diagnostic of the campaign file and its libraries, warnings included.
        public var diagnostics: [Diagnostic]
    }

    /// Loads a campaign file and the libraries it includes.
    public func load(_ path: String) -> Result {
        let session = LoadSession()
        let sink = session.sink(for: path)
        guard let document = Self.document(path, sink) else { return Result(campaign: nil, diagnostics: session.diagnostics) }
        if document.root["tests"] != nil || document.root["campaign"] == nil {
            sink.error(document.rootNode, "file", "is not a campaign file (it has no 'campaign:' id)",
                       hint: document.root["tests"] != nil ? "this is a rule-test file; run it with `crescendo test`" : "a campaign file starts with `campaign:`")
            return Result(campaign: nil, diagnostics: session.diagnostics)
        }
        let campaign = CampaignFile(session: session).load(document, path: path, sink: sink)
        return Result(campaign: campaign, diagnostics: session.diagnostics)
    }

    /// Checks any file of the language. The kind is read from the top level: `tests:` makes a
    /// rule-test file (its campaign is checked too), `campaign:` a campaign file, and `rules:`
    /// without `campaign:` a rule library, checked on its own (references that only an
    /// including campaign could resolve are not checked), and `name:` a scenario file (checked
    /// without its campaign, which only `simulate --scenario` names).
    public func check(_ path: String) -> [Diagnostic] {
        let session = LoadSession()
        let sink = session.sink(for: path)
        guard let document = Self.document(path, sink) else { return session.diagnostics }
        if document.root["tests"] != nil {
            _ = RuleTestFileParser(session: session).load(document, path: path, sink: sink)
        } else if document.root["campaign"] != nil {
            _ = CampaignFile(session: session).load(document, path: path, sink: sink)
        } else if document.root["rules"] != nil || document.root["templates"] != nil {
            StandaloneLibrary(session: session).check(document, path: path, sink: sink)
        } else if document.root["name"] != nil {
            ScenarioLoader().check(document, path: path, sink: sink)
        } else {
            sink.error(document.rootNode, "file", "is not a campaign file, rule library, rule-test file or scenario file",
                       hint: "a campaign file starts with `campaign:`, a rule library with `rules:`, a rule test with `campaign:` and `tests:`, a scenario with `name:`")
        }
        return session.diagnostics
    }

    static func document(_ path: String, _ sink: DiagnosticSink) -> YAMLDocument? {
        guard let source = SourceFile.read(path, into: sink) else { return nil }
        return YAMLDocument.parse(source, into: sink)
    }
}
