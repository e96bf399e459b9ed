import XCTest
import CrescendoCore
@testable import CrescendoDSL

final class RuleTestLoaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Paths.temporaryFolder()
        let campaign = try String(contentsOfFile: Paths.fixture("minimal.good.yaml"), encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try campaign.write(to: folder.appendingPathComponent("campaigns/base.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ text: String) throws -> String {
        let url = folder.appendingPathComponent("tests/t.test.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testTestsAreReadInTheCampaignZoneWithGeneratedEntries() throws {
        let path = try write("""
            campaign: ../campaigns/base.yaml
            tests:
              - name: twenty entries brief
                from: 2027-01-04T00:00
                until: 2027-02-01
                ledger:
                  - { at: 2027-01-05T10:00, kind: masks, quantity: 1.5, demand: psl, care: Masks for a shelter }
                  - generate: { count: 3, every: 1h, from: 2027-01-06T00:00, kind: masks, area: a1 }
                indicators:
                  - { name: infection_rate, from: 2027-01-04T00:00, every: 12h, values: [2, 9] }
                  - { at: 2027-01-05T00:00, name: infection_rate, value: 3.5 }
                responses:
                  - { deadline: 1, at: 2027-01-10T12:00, text: We will table a bill, win: partial }
                expect:
                  - { at: 2027-01-06T02:00, rule: briefing-every-20, action: briefing, deadline: 1 }
                expect_none:
                  - { action: escalate }
                exact: true
            """)
        let (file, diagnostics) = RuleTestLoader().load(path)
        XCTAssertEqual(diagnostics, [])
        let loaded = try XCTUnwrap(file)
        XCTAssertEqual(loaded.campaignPath, "../campaigns/base.yaml")
        XCTAssertEqual(loaded.campaign.id, "base")
        let test = try XCTUnwrap(loaded.tests.first)
        XCTAssertEqual(test.name, "twenty entries brief")
        XCTAssertEqual(test.line, 3)
        XCTAssertEqual(test.from?.iso8601, "2027-01-04T05:00:00Z")
        XCTAssertEqual(test.until?.iso8601, "2027-02-01T05:00:00Z")
        XCTAssertEqual(test.ledger.count, 4)
        XCTAssertEqual(test.ledger[0], LedgerEntry(at: Instant(seconds: 1_799_161_200), kind: "masks", quantity: Quantity(milli: 1500),
                                                   demand: "psl", care: "Masks for a shelter"))
        XCTAssertEqual(test.ledger[1...].map(\.at.iso8601), ["2027-01-06T05:00:00Z", "2027-01-06T06:00:00Z", "2027-01-06T07:00:00Z"])
        XCTAssertEqual(test.ledger[3].area, "a1")
        XCTAssertEqual(test.indicators.map(\.value), [2, 9, 3.5])
        XCTAssertEqual(test.indicators[1].at.iso8601, "2027-01-04T17:00:00Z")
        XCTAssertEqual(test.responses, [Response(at: Instant(seconds: 1_799_600_400), deadline: 1, text: "We will table a bill", win: .partial)])
        XCTAssertEqual(test.expect, [ActionPattern(at: Instant(seconds: 1_799_218_800),
                                                   fields: ["rule": "briefing-every-20", "action": "briefing", "deadline": "1"], line: 15)])
        XCTAssertEqual(test.expectNone, [ActionPattern(fields: ["action": "escalate"], line: 17)])
        XCTAssertTrue(test.exact)
    }

    func testProblemsInTestsAreReportedAtTheirPositions() throws {
        let path = try write("""
            campaign: ../campaigns/base.yaml
            tests:
              - name: typos
                ledger:
                  - { at: 2027-01-05T10:00, kind: mask }
                  - generate: { count: 3, every: soon, from: 2027-01-06, kind: masks }
                expect:
                  - { rule: briefing-every-2O, acton: briefing }
            """)
        let (file, diagnostics) = RuleTestLoader().load(path)
        XCTAssertNil(file)
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column): \($0.code): \($0.message)" }, [
            "5:39: typos: undeclared metric 'mask'",
            "6:38: typos: malformed duration for 'every': \"soon\"",
            "8:17: typos: the campaign has no rule 'briefing-every-2O'",
            "8:36: typos: unknown key 'acton' in an expected action",
        ])
        XCTAssertEqual(diagnostics.map(\.hint), ["did you mean 'masks'?",
                                                 "write a whole number and a unit (30m, 48h, 7d, 2w) or ISO 8601 (PT48H, P7D)",
                                                 "did you mean 'briefing-every-20'?", "did you mean 'action'?"])
    }

    func testMissingCampaignIsReportedAtTheCampaignKey() throws {
        let path = try write("campaign: ../nowhere.yaml\ntests:\n  - name: x\n    expect_none: [{ action: escalate }]\n")
        let (file, diagnostics) = RuleTestLoader().load(path)
        XCTAssertNil(file)
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column): \($0.message)" }, ["1:11: campaign file '../nowhere.yaml' does not exist"])
    }
}
