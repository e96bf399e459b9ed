import CrescendoCore

/// Loads rule-test files (`crescendo test`, section 9).
public struct RuleTestLoader: Sendable {
    public init() {}

    /// The test file with its campaign loaded (`nil` when any error was found in either) and
    /// every diagnostic.
    public func load(_ path: String) -> (file: RuleTestFile?, diagnostics: [Diagnostic]) {
        let session = LoadSession()
        let sink = session.sink(for: path)
        guard let document = CampaignLoader.document(path, sink) else { return (nil, session.diagnostics) }
        let file = RuleTestFileParser(session: session).load(document, path: path, sink: sink)
        return (file, session.diagnostics)
    }
}
