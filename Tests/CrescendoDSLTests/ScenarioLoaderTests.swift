import XCTest
import CrescendoCore
@testable import CrescendoDSL

/// Scenario files load against their campaign (its zone and ids) and report every error as a
/// rule-test file's are: file, line and column.
final class ScenarioLoaderTests: XCTestCase {
    private var folder: URL!
    private var campaign: Campaign!

    override func setUpWithError() throws {
        folder = try Paths.temporaryFolder()
        campaign = try XCTUnwrap(CampaignLoader().load(Paths.fixture("spec-example.good.yaml")).campaign)
    }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func messages(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): \($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
    }

    func testAScenarioLoadsWithItsFactsInTheCampaignsZone() throws {
        _ = try write("data/ledger.csv", "at,kind,quantity\n")
        let path = try write("scenarios/surge.yaml", """
            name: surge
            from: 2027-01-04T00:00
            until: 2027-06-01T00:00
            base_ledger: ../data/ledger.csv
            ledger:
              - { at: 2027-01-05T10:00, kind: masks, quantity: 40 }
              - generate: { count: 3, every: 30m, from: 2027-02-01T00:00, kind: masks, quantity: 3 }
            indicators:
              - { name: infection_rate, from: 2027-01-04T00:00, every: 1h, values: [2, 3, 9] }
            responses:
              - { deadline: 1, at: 2027-01-10T12:00, text: "We will table a bill" }
            """)
        let (scenarios, diagnostics) = ScenarioLoader().load([path], campaign: campaign)
        XCTAssertEqual(diagnostics, [])
        let s = try XCTUnwrap(scenarios?.first)
        XCTAssertEqual(s.name, "surge")
        XCTAssertEqual(s.path, path)
        XCTAssertEqual(s.from?.iso8601, "2027-01-04T05:00:00Z")
        XCTAssertEqual(s.until?.iso8601, "2027-06-01T04:00:00Z")
        XCTAssertEqual(s.baseLedger, folder.appendingPathComponent("data/ledger.csv").path)
        XCTAssertEqual(s.ledger.map(\.at.iso8601), ["2027-01-05T15:00:00Z", "2027-02-01T05:00:00Z", "2027-02-01T05:30:00Z", "2027-02-01T06:00:00Z"])
        XCTAssertEqual(s.ledger[0].quantity, Quantity(40))
        XCTAssertEqual(s.indicators.map(\.value), [2, 3, 9])
        XCTAssertEqual(s.responses, [Response(at: try XCTUnwrap(TimeParsing.instant("2027-01-10T12:00", zone: campaign.zone)), deadline: 1, text: "We will table a bill")])
    }

    func testEveryErrorOfEveryFileIsReportedAtItsPlace() throws {
        let a = try write("a.yaml", """
            name: a
            from: 2027-03-01
            until: 2027-02-01
            base_ledger: missing.csv
            ledger:
              - { at: 2027-01-05T10:00, kind: mask }
            responses:
              - { deadline: 0, at: 2027-01-10, text: x }
            indicator: []
            """)
        let b = try write("b.yaml", "name: b\nbase_indicators: .\nledger:\n  - { at: 2027-13-01, kind: masks, area: nowhere }\n")
        let (scenarios, diagnostics) = ScenarioLoader().load([a, b], campaign: campaign)
        XCTAssertNil(scenarios)
        XCTAssertEqual(messages(diagnostics), [
            "a.yaml:3:8: 'until' must come after 'from'",
            "a.yaml:4:14: base_ledger 'missing.csv' does not exist (looked for \(folder.path)/missing.csv; the path is relative to the scenario file)",
            "a.yaml:6:35: undeclared metric 'mask' (did you mean 'masks'?)",
            "a.yaml:8:17: 'deadline' must be at least 1, not 0",
            "a.yaml:9:1: unknown key 'indicator' in a scenario file (did you mean 'indicators'?)",
            "b.yaml:2:18: base_indicators '.' is a folder, not a file (name a ledger CSV file or a ledger database)",
            "b.yaml:4:11: malformed date or date-time for 'at': \"2027-13-01\" (write 2027-01-04 or 2027-01-04T09:00 (local time; add Z or an offset like -05:00 for a fixed instant))",
        ])
        XCTAssertEqual(diagnostics.first?.code, "a")
    }

    func testTwoScenariosWithOneNameAreAnErrorNamingBothFiles() throws {
        let a = try write("a.yaml", "name: wave\n")
        let b = try write("b.yaml", "# the same future, twice\nname: wave\n")
        let (scenarios, diagnostics) = ScenarioLoader().load([a, b], campaign: campaign)
        XCTAssertNil(scenarios)
        XCTAssertEqual(messages(diagnostics), ["b.yaml:2:7: two scenarios are named 'wave': \(a):1 and \(b):2 (give each scenario of one run its own name)"])
    }

    func testCheckReadsAScenarioFileWithoutItsCampaign() throws {
        let path = try write("s.yaml", "name: s\nuntil: soon\nledger:\n  - { at: 2027-01-05, kind: anything, quantity: lots }\n")
        XCTAssertEqual(messages(CampaignLoader().check(path)), [
            "s.yaml:2:8: malformed date or date-time for 'until': \"soon\" (write 2027-01-04 or 2027-01-04T09:00 (local time; add Z or an offset like -05:00 for a fixed instant))",
            "s.yaml:4:49: 'quantity' must be a number with at most three decimals, not \"lots\"",
        ])
        XCTAssertEqual(CampaignLoader().check(try write("ok.yaml", "name: ok\nledger: []\n")), [])
    }
}
