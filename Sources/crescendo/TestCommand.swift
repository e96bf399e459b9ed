import ArgumentParser
import CrescendoCore
import CrescendoDSL
import CrescendoPublish

/// `crescendo test`: run rule tests through the same engine as `simulate`.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule tests: replay their facts and check the actions they expect.",
        discussion: "Prints PASS or FAIL per test; a failure shows the expected and actual actions side by side. Exit 0 when all pass, 1 otherwise.")

    @Argument(help: "Rule-test files (*.test.yaml).") var files: [String]
    @Option(help: "The most actual actions shown beside a failure.") var showActual: Int = 40

    func run() async throws {
        var passed = 0, failed = 0, broken = 0
        let out = FileHandleOutput.stdout
        for path in files {
            let (file, diagnostics) = RuleTestLoader().load(path)
            let errors = diagnostics.filter { $0.severity == .error }
            guard let file, errors.isEmpty else {
                FileHandleOutput.stderr.write(DiagnosticRenderer.text(errors))
                out.line("ERROR \(path): \(errors.count) error\(errors.count == 1 ? "" : "s") in the test file or its campaign")
                broken += 1
                continue
            }
            let runner = RuleTestRunner(campaign: file.campaign, renderer: CampaignTemplates(file.campaign.templates))
            for test in file.tests {
                let outcome = runner.run(test)
                if outcome.passed {
                    passed += 1
                    out.line("PASS \(path): \(test.name)")
                } else {
                    failed += 1
                    out.line("FAIL \(path):\(test.line): \(test.name)")
                    for f in outcome.failures { out.line("  \(f)") }
                    out.write(sideBySide(outcome, zone: file.campaign.zone))
                }
            }
        }
        out.line("\(passed) passed, \(failed) failed" + (broken > 0 ? ", \(broken) file\(broken == 1 ? "" : "s") could not be loaded" : ""))
        out.flush()
        if failed > 0 || broken > 0 { throw ExitCode(1) }
    }

    /// Expected patterns on the left (✓ found, ✗ missing), actual actions on the right.
    private func sideBySide(_ o: RuleTestRunner.Outcome, zone: Zone) -> String {
        var left = ["EXPECTED"]
        var cursor = 0
        for p in o.test.expect {
            if let i = o.actual[cursor...].firstIndex(where: { p.matches($0) }) {
                left.append("✓ \(p)"); cursor = i + 1
            } else {
                left.append("✗ \(p)")
            }
        }
        for p in o.test.expectNone { left.append("none \(p)") }
        var right = ["ACTUAL (\(o.actual.count))"] + o.actual.prefix(showActual).map(\.summary)
        if o.actual.count > showActual { right.append("… \(o.actual.count - showActual) more") }
        let width = min(70, max(20, left.map(\.count).max() ?? 0))
        var s = ""
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : ""
            let lc = l.count > width ? String(l.prefix(width - 1)) + "…" : l
            s += "    " + lc + String(repeating: " ", count: width - lc.count) + " | " + (i < right.count ? right[i] : "") + "\n"
        }
        return s
    }
}
