import CrescendoCore
import Yams

/// Loads scenario files (`crescendo simulate CAMPAIGN --scenario FILE ...`) against their
/// campaign, reporting every error of every file as a rule-test file's are.
public struct ScenarioLoader: Sendable {
    public init() {}

    /// The scenarios in the order given (`nil` when any file has an error) and every
    /// diagnostic. Two scenarios with one name are an error at the second, naming both files.
    public func load(_ paths: [String], campaign: Campaign) -> (scenarios: [Scenario]?, diagnostics: [Diagnostic]) {
        let session = LoadSession()
        var scenarios: [Scenario] = []
        var names: [String: (path: String, line: Int)] = [:]
        for path in paths {
            let sink = session.sink(for: path)
            guard let document = CampaignLoader.document(path, sink),
                  let (scenario, nameNode) = ScenarioFileParser(campaign: campaign).load(document, path: path, sink: sink) else { continue }
            let at = Position(nameNode)
            if let first = names[scenario.name] {
                sink.error(nameNode, "name", "two scenarios are named '\(scenario.name)': \(first.path):\(first.line) and \(path):\(at.line)",
                           hint: "give each scenario of one run its own name")
            } else {
                names[scenario.name] = (path, at.line)
            }
            scenarios.append(scenario)
        }
        return (session.hasErrors ? nil : scenarios, session.diagnostics)
    }

    /// Checks a scenario file on its own (`crescendo check`): structure, times, values and base
    /// files; references to the campaign's ids are not checked, as no campaign is named.
    func check(_ document: YAMLDocument, path: String, sink: DiagnosticSink) {
        _ = ScenarioFileParser(campaign: nil).load(document, path: path, sink: sink)
    }
}
