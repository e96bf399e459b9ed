import ArgumentParser
import CrescendoDSL

/// `crescendo schema [--kind campaign|test]`: prints a JSON Schema for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of campaign files or rule-test files.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case campaign, test }

    @Option(help: "Which schema: campaign (default; also covers rule libraries) or test.")
    var kind: Kind = .campaign

    func run() {
        print(kind == .campaign ? JSONSchemas.campaign : JSONSchemas.ruleTest)
    }
}
