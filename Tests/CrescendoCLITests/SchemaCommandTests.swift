import XCTest

final class SchemaCommandTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testPrintsTheCommittedCampaignSchema() throws {
        let run = try crescendo(["schema"], in: repository)
        XCTAssertEqual(run.status, 0)
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/schema/campaign.schema.json"), encoding: .utf8)
        XCTAssertEqual(run.stdout, committed)
    }

    func testPrintsTheCommittedRuleTestSchema() throws {
        let run = try crescendo(["schema", "--kind", "test"], in: repository)
        XCTAssertEqual(run.status, 0)
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/schema/rule-test.schema.json"), encoding: .utf8)
        XCTAssertEqual(run.stdout, committed)
    }

    func testPrintsTheCommittedScenarioSchema() throws {
        let run = try crescendo(["schema", "--kind", "scenario"], in: repository)
        XCTAssertEqual(run.status, 0)
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/schema/scenario.schema.json"), encoding: .utf8)
        XCTAssertEqual(run.stdout, committed)
        XCTAssertTrue(committed.contains("\"base_ledger\""))
    }

    func testBundledExamplesCheck() throws {
        let run = try crescendo(["check", "--strict", "campaigns/paid-sick-leave.yaml", "campaigns/ppe-and-staffing.yaml",
                                           "campaigns/paid-sick-leave.test.yaml", "rules/decompression.yaml", "rules/silence.yaml"], in: repository)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "5 files checked: ok\n")
    }
}
