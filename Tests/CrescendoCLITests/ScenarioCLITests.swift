import CrescendoTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `simulate CAMPAIGN --scenario FILE ...` and `--collisions`, as a user runs them, on the
/// bundled paid sick leave campaign and its sample data.
final class ScenarioCLITests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var campaign: String { repository.appendingPathComponent("campaigns/paid-sick-leave.yaml").path }
    private func data(_ name: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("campaigns/data/paid-sick-leave.\(name).csv"), encoding: .utf8)
    }
    private var bundled: [String] {
        ["calm", "early-wave", "late-wave"].flatMap { ["--scenario", repository.appendingPathComponent("campaigns/scenarios/\($0).yaml").path] }
    }

    private func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// A line of a scenario's JSON without its `"scenario"` field.
    private func untagged(_ line: String, _ name: String) -> String {
        let tag = "{\"scenario\":\"\(name)\","
        XCTAssertTrue(line.hasPrefix(tag), line)
        return "{" + line.dropFirst(tag.count)
    }

    func testAScenarioGivesWhatSimulateGivesForTheSameFactsAsCSVFiles() throws {
        let dir = try ScratchFolder("scenario")
        let ledger = try data("ledger"), indicators = try data("indicators"), responses = try data("responses")
        try dir.write(ledger, to: "real/ledger.csv")
        try dir.write(indicators, to: "real/indicators.csv")
        try dir.write(responses, to: "real/responses.csv")
        let scenario = try dir.write("""
            name: surge
            from: 2027-03-01T00:00
            until: 2027-07-01T00:00
            base_ledger: ../real/ledger.csv
            base_indicators: ../real/indicators.csv
            base_responses: ../real/responses.csv
            ledger:
              - { at: 2027-04-29T20:05, kind: masks, quantity: 7, area: a01 }
              - { at: 2027-03-15T10:00, kind: calls_diverted, quantity: 2, area: a03, demand: paid-sick-leave }
              - generate: { count: 1200, every: 1h, from: 2027-05-01T00:00Z, kind: masks, quantity: 6, area: a02 }
            indicators:
              - { name: infection_rate, from: 2027-05-01T00:00Z, every: 1d, values: [6, 9, 12, 12, 11, 9, 7] }
            responses:
              - { deadline: 30, at: 2027-05-20T12:00, text: "We hear you", win: partial }
            """, to: "scenarios/surge.yaml")
        // The same facts as CSV files: the base rows first, then the scenario's.
        let formatter = ISO8601DateFormatter()
        let start = try XCTUnwrap(formatter.date(from: "2027-05-01T00:00:00Z"))
        var rows = ledger + "2027-04-29T20:05,masks,7,a01,,,,\n2027-03-15T10:00,calls_diverted,2,a03,paid-sick-leave,,,\n"
        for i in 0..<1200 { rows += formatter.string(from: start.addingTimeInterval(Double(i) * 3600)) + ",masks,6,a02,,,,\n" }
        try dir.write(rows, to: "same/ledger.csv")
        var samples = indicators
        for (i, v) in [6, 9, 12, 12, 11, 9, 7].enumerated() { samples += formatter.string(from: start.addingTimeInterval(Double(i) * 86_400)) + ",infection_rate,\(v)\n" }
        try dir.write(samples, to: "same/indicators.csv")
        try dir.write(responses + "2027-05-20T12:00,30,We hear you,partial\n", to: "same/responses.csv")

        let plain = try crescendo(["simulate", campaign, "--ledger", dir.path("same/ledger.csv"), "--indicators", dir.path("same/indicators.csv"),
                                   "--responses", dir.path("same/responses.csv"), "--from", "2027-03-01T00:00", "--until", "2027-07-01T00:00", "--format", "json"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let run = try crescendo(["simulate", campaign, "--scenario", scenario, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertGreaterThan(lines(plain.stdout).count, 100)
        XCTAssertEqual(lines(run.stdout).map { untagged($0, "surge") }, lines(plain.stdout))
        XCTAssertTrue(plain.stdout.contains("\"action\":\"rapid_response\""), "the wave's positivity sets the surge rule off")
    }

    func testTheBundledFuturesAsJSONTableAndSVG() throws {
        let json = try crescendo(["simulate", campaign] + bundled + ["--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let names = lines(json.stdout).map { String($0.dropFirst(13).prefix { $0 != "\"" }) }
        var order: [String] = []
        for n in names where order.last != n { order.append(n) }
        XCTAssertEqual(order, ["calm", "early-wave", "late-wave"], "scenario by scenario, in the order given")
        XCTAssertGreaterThan(names.filter { $0 == "early-wave" }.count, names.filter { $0 == "calm" }.count)

        let table = try crescendo(["simulate", campaign] + bundled)
        XCTAssertEqual(table.status, 0, table.stderr)
        let rows = lines(table.stdout)
        XCTAssertEqual(rows[0], "Scenarios side by side: Paid sick leave now (times in America/Toronto)")
        XCTAssertEqual(rows[2].split(separator: " ", omittingEmptySubsequences: true), ["ESCALATIONS", "calm", "early-wave", "late-wave"])
        XCTAssertTrue(rows.contains { $0.hasPrefix("escalation 1 ") })
        XCTAssertTrue(rows.contains { $0.hasPrefix("briefing-every-20 #1 ") })
        XCTAssertTrue(rows.contains { $0.hasPrefix("deadline 1 ") && $0.contains("✗") })
        XCTAssertTrue(rows.contains { $0.hasPrefix("escalate-every-1000 #1") && $0.contains("—") }, "the calm future never reaches 1,000 entries")
        XCTAssertFalse(rows.contains { $0.hasPrefix("escalate-every-1000 #2") }, "an escalation pacing deferred is one milestone, when it was requested")
        XCTAssertLessThanOrEqual(rows.dropFirst(2).map(\.count).max() ?? 0, 100, "readable at 100 columns")

        let svg = try crescendo(["simulate", campaign] + bundled + ["--format", "svg"])
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertTrue(XMLParser(data: Data(svg.stdout.utf8)).parse(), "the stacked timelines are well-formed XML")
        for name in ["calm", "early-wave", "late-wave"] { XCTAssertTrue(svg.stdout.contains(">Scenario \(name)</text>"), name) }
        XCTAssertTrue(svg.stdout.contains("<title id=\"scenarios-title\">Paid sick leave now: 3 scenarios from 2027-05-01 to 2027-12-31</title>"))
    }

    func testCollisionsWithALedgerAndWithScenarios() throws {
        let r = try crescendo(["simulate", campaign, "--ledger", repository.appendingPathComponent("campaigns/data/paid-sick-leave.ledger.csv").path,
                               "--until", "2027-04-30", "--collisions", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let found = try lines(r.stdout).map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertFalse(found.isEmpty)
        for f in found { XCTAssertEqual(Set(f.keys), ["kind", "rule", "window", "requested_at", "at", "because"]) }
        XCTAssertTrue(found.contains { $0["kind"] as? String == "deadline_after_window" && $0["window"] as? String == "budget-2027" })
        let table = try crescendo(["simulate", campaign, "--ledger", repository.appendingPathComponent("campaigns/data/paid-sick-leave.ledger.csv").path,
                                   "--until", "2027-04-30", "--collisions"])
        XCTAssertTrue(table.stdout.hasPrefix("KIND  "), table.stdout)
        XCTAssertTrue(table.stdout.hasSuffix("\(found.count) collisions\n"))

        let scenarios = try crescendo(["simulate", campaign] + bundled + ["--collisions", "--format", "json"])
        XCTAssertEqual(scenarios.status, 0, scenarios.stderr)
        let tagged = try lines(scenarios.stdout).map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(Set(tagged.compactMap { $0["scenario"] as? String }), ["calm", "early-wave", "late-wave"])
        XCTAssertTrue(tagged.contains { $0["scenario"] as? String == "early-wave" && $0["kind"] as? String == "deadline_after_window" && $0["window"] as? String == "spring-session" })
    }

    func testScenarioFilesWithErrorsAreReportedLikeRuleTestsAndNothingRuns() throws {
        let dir = try ScratchFolder("scenario")
        let a = try dir.write("name: a\nuntil: 2027-13-01\nledger:\n  - { at: 2027-05-01, kind: mask }\n", to: "a.yaml")
        let b = try dir.write("name: b\nbase_ledger: nowhere.csv\nindicatorz: []\n", to: "b.yaml")
        let r = try crescendo(["simulate", campaign, "--scenario", a, "--scenario", b])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        for expected in ["\(a):2:8: error: a: malformed date or date-time for 'until'", "\(a):4:29: error: a: undeclared metric 'mask'",
                         "\(b):2:14: error: b: base_ledger 'nowhere.csv' does not exist", "\(b):3:1: error: b: unknown key 'indicatorz'",
                         "error: the scenario files have 4 errors; nothing was simulated"] {
            XCTAssertTrue(r.stderr.contains(expected), "\(expected)\n\(r.stderr)")
        }
        let twice = try crescendo(["simulate", campaign, "--scenario", dir.write("name: wave\n", to: "c.yaml"), "--scenario", dir.write("name: wave\n", to: "d.yaml")])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("two scenarios are named 'wave': \(dir.path("c.yaml")):1 and \(dir.path("d.yaml")):1"), twice.stderr)
    }

    func testABadBaseLedgerRowNamesTheFileAndTheRow() throws {
        let dir = try ScratchFolder("scenario")
        try dir.write("at,kind,quantity\n2027-01-05T10:00,masks,3\n2027-01-06T10:00,masks,lots\n", to: "ledger.csv")
        let s = try dir.write("name: broken\nbase_ledger: ledger.csv\n", to: "s.yaml")
        let r = try crescendo(["simulate", campaign, "--scenario", s, "--format", "json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("error: scenario 'broken' (\(s)): \(dir.path("ledger.csv")):3: "), r.stderr)
    }

    func testADatabaseBaseLedgerGivesWhatItsCSVGives() throws {
        let dir = try ScratchFolder("scenario")
        let csv = try dir.write(try data("ledger"), to: "ledger.csv")
        let samples = try dir.write(try data("indicators"), to: "indicators.csv")
        let db = dir.path("ledger.sqlite")
        for args in [["ledger", "import", "--campaign", campaign, "--db", db, csv], ["indicator", "import", "--campaign", campaign, "--db", db, samples]] {
            let r = try crescendo(args)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let facts = "until: 2027-06-01T00:00\nledger:\n  - generate: { count: 300, every: 2h, from: 2027-05-01T00:00, kind: masks, area: a01 }\n"
        let fromDB = try crescendo(["simulate", campaign, "--scenario", dir.write("name: db\nbase_ledger: ledger.sqlite\n" + facts, to: "db.yaml"), "--format", "json"])
        let fromCSV = try crescendo(["simulate", campaign, "--scenario", dir.write("name: db\nbase_ledger: ledger.csv\nbase_indicators: indicators.csv\n" + facts, to: "csv.yaml"),
                                     "--format", "json"])
        XCTAssertEqual(fromDB.status, 0, fromDB.stderr)
        XCTAssertGreaterThan(lines(fromDB.stdout).count, 50)
        XCTAssertEqual(fromDB.stdout, fromCSV.stdout)
    }

    func testUsageErrors() throws {
        let ledger = repository.appendingPathComponent("campaigns/data/paid-sick-leave.ledger.csv").path
        for (args, message) in [
            ([String](), "give the facts: --ledger FILE, or one or more --scenario FILE"),
            (["--ledger", ledger] + bundled, "--ledger and --scenario do not go together"),
            (bundled + ["--format", "ics"], "--format ics goes with --ledger"),
            (bundled + ["--indicators", ledger], "--indicators and --responses go with --ledger"),
            (["--ledger", ledger, "--collisions", "--format", "svg"], "--collisions prints table or json, not svg"),
        ] {
            let r = try crescendo(["simulate", campaign] + args)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
    }
}
