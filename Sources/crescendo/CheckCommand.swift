import ArgumentParser
import Foundation
import CrescendoDSL

/// `crescendo check FILE... [--strict] [--format text|json]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check campaign files, rule libraries and rule-test files.",
        discussion: "Exit status: 0 when valid, 1 when invalid (or, with --strict, when there are warnings), 64 on a usage error.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Campaign, rule library or rule-test files.")
    var files: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text (default) or json.")
    var format: Format = .text

    func run() throws {
        let loader = CampaignLoader()
        let diagnostics = files.flatMap { loader.check($0) }
        switch format {
        case .json:
            print(DiagnosticRenderer.json(diagnostics))
        case .text:
            print(DiagnosticRenderer.text(diagnostics), terminator: "")
            print(summary(diagnostics))
        }
        let failed = diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
    }

    /// `2 files checked: 1 error, 1 warning` (or `... ok`).
    private func summary(_ ds: [Diagnostic]) -> String {
        let errors = ds.filter(\.isError).count
        let warnings = ds.count - errors
        let filesText = files.count == 1 ? "1 file" : "\(files.count) files"
        guard !ds.isEmpty else { return "\(filesText) checked: ok" }
        return "\(filesText) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
