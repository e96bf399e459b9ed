import Foundation
import Yams
import CrescendoCore

/// Reads a scenario file: `name`, `from`, `until`, the base files (relative to the scenario
/// file, each of which must exist), and its facts, read as a rule test's are (times in the
/// campaign's zone; kinds, areas, demands and indicators declared by it). Without a campaign
/// (`crescendo check` on a scenario file) references are not checked and times are read in UTC.
struct ScenarioFileParser {
    let campaign: Campaign?

    func load(_ document: YAMLDocument, path: String, sink: DiagnosticSink) -> (scenario: Scenario, nameNode: Node)? {
        let reader = NodeReader(sink: sink)
        // Diagnostics name the scenario, as a rule test's name its test.
        var code = "scenario"
        if case .mapping(let m) = document.rootNode, let written = m["name"]?.string, !written.isEmpty { code = written }
        guard let f = reader.fields(document.rootNode, code, Shapes.scenarioFile) else { return nil }
        let context = TestContext(reader: reader, campaign: campaign)
        let name = f["name"].flatMap { reader.string($0, code, "name") }
        var scenario = Scenario(name: name ?? "", path: path)
        scenario.from = f["from"].flatMap { reader.instant($0, code, "from", zone: context.zone) }
        scenario.until = f["until"].flatMap { reader.instant($0, code, "until", zone: context.zone) }
        if let from = scenario.from, let until = scenario.until, let untilNode = f["until"], until <= from {
            reader.sink.error(untilNode, code, "'until' must come after 'from'")
        }
        scenario.baseLedger = f["base_ledger"].flatMap { file($0, "base_ledger", reader, code, path) }
        scenario.baseIndicators = f["base_indicators"].flatMap { file($0, "base_indicators", reader, code, path) }
        scenario.baseResponses = f["base_responses"].flatMap { file($0, "base_responses", reader, code, path) }
        let facts = TestFactsParser(context: context, code: code)
        scenario.ledger = f["ledger"].map(facts.ledger) ?? []
        scenario.indicators = f["indicators"].map(facts.indicators) ?? []
        scenario.responses = f["responses"].map(facts.responses) ?? []
        guard name != nil, let nameNode = f["name"] else { return nil }
        return (scenario, nameNode)
    }

    /// A file named relative to the scenario file, which must exist and be a file.
    private func file(_ node: Node, _ key: String, _ reader: NodeReader, _ code: String, _ path: String) -> String? {
        guard let written = reader.string(node, code, key) else { return nil }
        let resolved = FilePaths.resolve(written, relativeTo: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
            reader.sink.error(node, code, "\(key) '\(written)' does not exist", hint: "looked for \(resolved); the path is relative to the scenario file")
            return nil
        }
        guard !isFolder.boolValue else {
            reader.sink.error(node, code, "\(key) '\(written)' is a folder, not a file", hint: "name a ledger CSV file or a ledger database")
            return nil
        }
        return resolved
    }
}
