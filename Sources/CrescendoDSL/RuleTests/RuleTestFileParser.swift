import Foundation
import Yams
import CrescendoCore

/// Reads a rule-test file (section 9): the campaign it tests (a path relative to the test
/// file, loaded and checked too) and its tests. Times are read in the campaign's zone.
struct RuleTestFileParser {
    let session: LoadSession

    func load(_ document: YAMLDocument, path: String, sink: DiagnosticSink) -> RuleTestFile? {
        let reader = NodeReader(sink: sink)
        guard let f = reader.fields(document.rootNode, "file", Shapes.ruleTestFile) else { return nil }
        var campaign: Campaign?
        var campaignPath: String?
        if let node = f["campaign"], let written = reader.string(node, "campaign", "campaign") {
            campaignPath = written
            let resolved = FilePaths.resolve(written, relativeTo: path)
            if FileManager.default.fileExists(atPath: resolved) {
                campaign = CampaignFile(session: session).load(resolved)
            } else {
                sink.error(node, "campaign", "campaign file '\(written)' does not exist",
                           hint: "looked for \(resolved); the campaign path is relative to the test file")
            }
        }
        let context = TestContext(reader: reader, campaign: campaign)
        var tests: [RuleTest] = []
        if let node = f["tests"], let items = reader.list(node, "tests", "tests") {
            if items.isEmpty { sink.error(node, "tests", "'tests' needs at least one test") }
            var names: [String: Position] = [:]
            for (index, item) in items.enumerated() {
                guard let test = RuleTestParser(context: context).parse(item, index: index) else { continue }
                if let first = names[test.name] {
                    sink.error(item, test.name, "duplicate test name '\(test.name)'", hint: "the first is at line \(first.line)")
                }
                names[test.name] = Position(item)
                tests.append(test)
            }
        }
        guard !session.hasErrors, let campaign, let campaignPath else { return nil }
        return RuleTestFile(path: path, campaignPath: campaignPath, campaign: campaign, tests: tests)
    }
}
