import CrescendoCore
import XCTest

final class RuleTestRunnerTests: XCTestCase {
    private struct BadRow: Error, CustomStringConvertible {
        var description: String { #"ledger.csv:3: bad date "2027-13-01" in column at"# }
    }

    /// A run that threw fails its test with the error; before, the runner took it for a run with
    /// no actions, so an `expect_none` passed.
    func testARunThatThrewFailsEvenAnExpectNone() throws {
        let rule = Fx.rule("r", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil))
        let runner = RuleTestRunner(campaign: Fx.campaign([rule]))
        let test = RuleTest(name: "never fires", expectNone: [ActionPattern(fields: ["rule": "r"])])
        XCTAssertTrue(runner.check(test, against: .success([])).passed, "no actions: the expect_none holds")

        let outcome = runner.check(test, against: .failure(BadRow()))
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.failures, ["the simulation failed: ledger.csv:3: bad date \"2027-13-01\" in column at"])
        XCTAssertEqual(outcome.actual, [])
    }

    func testARunThatWorksIsChecked() throws {
        let rule = Fx.rule("r", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil))
        let runner = RuleTestRunner(campaign: Fx.campaign([rule]))
        let test = RuleTest(name: "fires", until: Fx.t("2027-01-05"), ledger: [Fx.entry("2027-01-02T10:00Z")],
                            expectNone: [ActionPattern(fields: ["rule": "r"])])
        XCTAssertEqual(runner.run(test).failures.count, 1)
    }
}
