import CrescendoTestSupport
import XCTest

final class CheckCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var folder: URL { scratch.url }

    private let valid = """
        campaign: tiny
        start: 2027-01-04
        metrics:
          masks: { label: Masks, unit: masks }
        demands:
          psl: { text: Paid sick leave, target: Ministry of Labour, funding: Relief fund }
        rules:
          - id: briefing-every-20
            when: { every: 20 }
            do:
              - briefing: { demand: psl, deadline: 14d }

        """

    override func setUpWithError() throws {
        scratch = try ScratchFolder("cli")
        try valid.write(to: folder.appendingPathComponent("valid.yaml"), atomically: true, encoding: .utf8)
        try valid.replacingOccurrences(of: "deadline: 14d", with: "deadline: 14 days")
            .write(to: folder.appendingPathComponent("invalid.yaml"), atomically: true, encoding: .utf8)
        try (valid + "  - id: escalate\n    when: { every: 1000 }\n    do:\n      - escalate: {}\n")
            .replacingOccurrences(of: "rules:", with: "ladders:\n  main: { pick: rotate, tactics: [{ id: a, text: A }] }\nrules:")
            .write(to: folder.appendingPathComponent("warning.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { scratch = nil }

    func testValidFileExitsZero() throws {
        let run = try crescendo(["check", "valid.yaml"], in: folder)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "1 file checked: ok\n")
    }

    func testInvalidFileExitsOneWithPositionSourceAndHint() throws {
        let run = try crescendo(["check", "valid.yaml", "invalid.yaml"], in: folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, """
            invalid.yaml:11:44: error: briefing-every-20: malformed duration for 'deadline': "14 days"
                  - briefing: { demand: psl, deadline: 14 days }
                                                       ^
            hint: write a whole number and a unit (30m, 48h, 7d, 2w) or ISO 8601 (PT48H, P7D)
            2 files checked: 1 error, 0 warnings

            """)
    }

    func testJSONFormat() throws {
        let run = try crescendo(["check", "--format", "json", "invalid.yaml"], in: folder)
        XCTAssertEqual(run.status, 1)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.count, 1)
        XCTAssertEqual(array.first?["file"] as? String, "invalid.yaml")
        XCTAssertEqual(array.first?["line"] as? Int, 11)
        XCTAssertEqual(array.first?["column"] as? Int, 44)
        XCTAssertEqual(array.first?["severity"] as? String, "error")
        XCTAssertEqual(array.first?["code"] as? String, "briefing-every-20")
    }

    func testJSONFormatOfAValidFileIsAnEmptyArray() throws {
        let run = try crescendo(["check", "valid.yaml", "--format", "json"], in: folder)
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "[]\n")
    }

    func testWarningsFailOnlyWithStrict() throws {
        let relaxed = try crescendo(["check", "warning.yaml"], in: folder)
        XCTAssertEqual(relaxed.status, 0)
        XCTAssertTrue(relaxed.stdout.hasPrefix("warning.yaml:17:9: warning: escalate: escalation has no follow-up ritual\n"), relaxed.stdout)
        let strict = try crescendo(["check", "--strict", "warning.yaml"], in: folder)
        XCTAssertEqual(strict.status, 1)
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try crescendo(["check"], in: folder).status, 64)
        XCTAssertEqual(try crescendo(["check", "--format", "xml", "valid.yaml"], in: folder).status, 64)
        XCTAssertEqual(try crescendo(["check", "--no-such-flag", "valid.yaml"], in: folder).status, 64)
    }

    func testMissingFileIsInvalidNotAUsageError() throws {
        let run = try crescendo(["check", "nope.yaml"], in: folder)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "nope.yaml:1:1: error: file: no such file\n1 file checked: 1 error, 0 warnings\n")
    }
}
