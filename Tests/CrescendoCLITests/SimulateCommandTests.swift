import CrescendoTestSupport
import Foundation
import XCTest

/// `simulate`, `test` and `status` as a user runs them.
final class SimulateCommandTests: XCTestCase {
    private let campaign = """
        campaign: tiny
        timezone: America/Toronto
        start: 2027-01-04
        metrics:
          masks: { label: Masks, unit: masks }
        demands:
          psl: { text: Paid sick leave, target: Ministry of Labour, funding: Relief fund }
        ladders:
          main: { pick: rotate, tactics: [{ id: call-in, text: Call-in day }] }
        decompression:
          - ritual: { kind: rest, text: Rest }
            in: 1d
        rules:
          - id: briefing-every-2
            when: { every: 2 }
            do:
              - briefing: { demand: psl, deadline: 1d }
          - id: escalate-every-3
            when: { every: 3 }
            if:
              - count: entries
                at_least: 3
            do:
              - escalate: {}

        """

    private func folder() throws -> ScratchFolder {
        let dir = try ScratchFolder("cli")
        try campaign.write(toFile: dir.path("c.yaml"), atomically: true, encoding: .utf8)
        try "at,kind,quantity\n2027-01-05T09:00,masks,3\n2027-01-05T10:00,masks,1\n2027-01-05T11:00,masks,2\n"
            .write(toFile: dir.path("ledger.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    func testJSONLinesAreExactAndTheSameOnEveryRun() throws {
        let dir = try folder()
        let args = ["simulate", dir.path("c.yaml"), "--ledger", dir.path("ledger.csv"), "--until", "2027-01-10", "--format", "json"]
        let first = try crescendo(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").map(String.init), [
            #"{"at":"2027-01-05T15:00:00Z","rule":"briefing-every-2","action":"briefing","demand":"psl","deadline":1,"due":"2027-01-06T15:00:00Z","text":"People's Briefing to Ministry of Labour: Paid sick leave. Deadline 1 is due 2027-01-06 10:00.","target":"Ministry of Labour","seq":2,"because":"entry 2 reached every 2 entries"}"#,
            #"{"at":"2027-01-05T16:00:00Z","rule":"escalate-every-3","action":"escalate","tactic":"call-in","text":"Call-in day","seq":3,"because":"entry 3 reached every 3 entries"}"#,
            #"{"at":"2027-01-06T15:00:00Z","rule":"briefing-every-2","action":"silence","demand":"psl","deadline":1,"due":"2027-01-06T15:00:00Z","text":"Ministry of Labour has not answered deadline 1 on psl.","target":"Ministry of Labour","because":"deadline 1 (Ministry of Labour on psl) came due with no response"}"#,
            #"{"at":"2027-01-06T16:00:00Z","rule":"escalate-every-3","action":"ritual","kind":"rest","text":"Rest","follows":"escalate-every-3","because":"follows the escalation by escalate-every-3 at 2027-01-05T16:00:00Z"}"#,
        ])
        XCTAssertEqual(try crescendo(args).stdout, first.stdout, "byte-identical from run to run")
    }

    func testTableShowsLocalTimesAndWhyNotYet() throws {
        let dir = try folder()
        let r = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", dir.path("ledger.csv"), "--until", "2027-01-10"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("2027-01-05 10:00 ") }
        XCTAssertEqual(row?.split(separator: " ", omittingEmptySubsequences: true).prefix(4).joined(separator: " "),
                       "2027-01-05 10:00 briefing-every-2 briefing", r.stdout)
        XCTAssertTrue(r.stdout.contains("Why not yet"), r.stdout)
        XCTAssertTrue(r.stdout.contains("3 entries; next milestone 4, 1 to go"), r.stdout)
    }

    func testABadRowStopsBeforeAnyOutputAndNamesTheLine() throws {
        let dir = try folder()
        try "at,kind,quantity\n2027-01-05T09:00,masks,3\n2027-01-05T10:00,masks,-1\n".write(toFile: dir.path("bad.csv"), atomically: true, encoding: .utf8)
        let r = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", dir.path("bad.csv"), "--format", "json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("bad.csv:3:"), r.stderr)
    }

    func testExplainShowsConditionsThatHeldARuleBack() throws {
        let dir = try folder()
        try "at,kind\n2027-01-05T09:00,masks\n2027-01-05T10:00,masks\n2027-01-05T11:00,masks\n".write(toFile: dir.path("l.csv"), atomically: true, encoding: .utf8)
        // With `every: 3` and `at_least: 3` the rule fires; an explanation names the evaluation.
        let r = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", dir.path("l.csv"), "--until", "2027-01-10", "--explain", "escalate-every-3"])
        XCTAssertTrue(r.stdout.contains("fired: entry 3 reached every 3 entries"), r.stdout)
        let unknown = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", dir.path("l.csv"), "--explain", "escalate-every-4"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'escalate-every-3'?"), unknown.stderr)
    }

    func testRuleTestsPassFailAndExit() throws {
        let dir = try folder()
        try """
            campaign: c.yaml
            tests:
              - name: the second entry briefs
                until: 2027-01-10T00:00
                ledger:
                  - generate: { count: 2, every: 1h, from: 2027-01-05T09:00, kind: masks }
                expect:
                  - { at: 2027-01-05T10:00, rule: briefing-every-2, action: briefing, deadline: 1 }
              - name: a wrong expectation fails
                until: 2027-01-10T00:00
                ledger:
                  - generate: { count: 2, every: 1h, from: 2027-01-05T09:00, kind: masks }
                expect:
                  - { at: 2027-01-05T11:00, action: briefing }

            """.write(toFile: dir.path("c.test.yaml"), atomically: true, encoding: .utf8)
        let r = try crescendo(["test", dir.path("c.test.yaml")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("PASS \(dir.path("c.test.yaml")): the second entry briefs"), r.stdout)
        XCTAssertTrue(r.stdout.contains("FAIL \(dir.path("c.test.yaml")):9: a wrong expectation fails"), r.stdout)
        XCTAssertTrue(r.stdout.contains("EXPECTED"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("1 passed, 1 failed\n"), r.stdout)
    }

    func testStatusFromALedgerDatabase() throws {
        let dir = try folder()
        let db = dir.path("l.sqlite")
        let imported = try crescendo(["ledger", "import", "--campaign", dir.path("c.yaml"), "--db", db, dir.path("ledger.csv")])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let r = try crescendo(["status", "--campaign", dir.path("c.yaml"), "--db", db, "--at", "2027-01-05T12:00"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("deadline 1: Ministry of Labour on psl: due 2027-01-06 10:00, 0 days left"), r.stdout)
        XCTAssertTrue(r.stdout.contains("cool-down") == false)
        let sim = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", db, "--until", "2027-01-10", "--format", "json"])
        XCTAssertEqual(sim.stdout.split(separator: "\n").count, 4, "a ledger database replays like its CSV")
    }
}
