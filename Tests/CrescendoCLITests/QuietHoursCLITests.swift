import CrescendoTestSupport
import Foundation
import XCTest

/// Quiet hours and business-day deadlines as a user meets them: in `simulate --format json`, in
/// rule-test patterns (`deliver_at`, `dropped`) and in `check`.
final class QuietHoursCLITests: XCTestCase {
    private let campaign = """
        campaign: night-shift
        timezone: America/Toronto
        start: 2027-01-04
        metrics: { masks: { label: Masks, unit: masks } }
        demands: { psl: { text: Paid sick leave, target: Ministry of Labour, funding: Line 4 } }
        calendar: { holidays: [2027-01-12] }
        quiet_hours: { from: "22:00", to: "07:00", except: [briefing] }
        channels:
          log: { type: file, path: out/log.jsonl }
          sms: { type: webhook, url: "http://127.0.0.1:9/sms", quiet_hours: { from: "21:00", to: "08:00", then: drop } }
        rules:
          - id: brief
            when: { every: 1 }
            do:
              - briefing: { demand: psl, deadline: 3bd }
              - notify: { channel: sms, text: "A briefing went out" }
              - ritual: { kind: rest, text: Rest }

        """

    private let tests = """
        campaign: c.yaml
        tests:
          - name: a late-night entry is held and dropped as the channels say
            from: 2027-01-04T00:00
            until: 2027-01-20T00:00
            ledger:
              - { at: 2027-01-08T23:00, kind: masks }
            expect:
              - { rule: brief, action: briefing, due: "2027-01-15T04:00:00Z" }
              - { rule: brief, action: notify, dropped: quiet_hours }
              - { rule: brief, action: ritual, deliver_at: 2027-01-09T07:00 }
              - { at: 2027-01-14T23:00, rule: brief, action: silence, deliver_at: 2027-01-15T07:00 }
            expect_none:
              - { action: briefing, deliver_at: 2027-01-09T07:00 }

        """

    func testSimulateAndRuleTestsSeeDeliverAtAndDropped() throws {
        let dir = try ScratchFolder("quiet")
        try dir.write(campaign, to: "c.yaml")
        try dir.write("at,kind\n2027-01-08T23:00,masks\n", to: "ledger.csv")
        let run = try crescendo(["simulate", dir.path("c.yaml"), "--ledger", dir.path("ledger.csv"), "--until", "2027-01-20", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        // Friday 23:00 + 3 business days, Tuesday a holiday: Thursday 23:00, which is quiet too.
        XCTAssertTrue(lines[0].contains(#""action":"briefing","demand":"psl","deadline":1,"due":"2027-01-15T04:00:00Z""#), lines[0])
        XCTAssertFalse(lines[0].contains("deliver_at"), "briefings are an exception")
        XCTAssertTrue(lines[1].contains(#""channel":"sms","text":"A briefing went out","dropped":"quiet_hours""#), lines[1])
        XCTAssertTrue(lines[2].contains(#""at":"2027-01-09T04:00:00Z","rule":"brief","action":"ritual""#) && lines[2].contains(#""deliver_at":"2027-01-09T12:00:00Z""#), lines[2])
        XCTAssertTrue(lines[3].contains(#""action":"silence""#) && lines[3].contains(#""deliver_at":"2027-01-15T12:00:00Z""#), lines[3])

        try dir.write(tests, to: "c.test.yaml")
        let test = try crescendo(["test", dir.path("c.test.yaml")])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.hasSuffix("1 passed, 0 failed\n"), test.stdout)
        // A pattern that does not hold fails.
        try dir.write(tests.replacingOccurrences(of: "action: ritual, deliver_at: 2027-01-09T07:00", with: "action: ritual, deliver_at: 2027-01-09T06:00"), to: "wrong.test.yaml")
        XCTAssertEqual(try crescendo(["test", dir.path("wrong.test.yaml")]).status, 1)
    }

    func testCheckNamesTheMistakesOfTheNewKeys() throws {
        let dir = try ScratchFolder("quiet")
        let bad = campaign.replacingOccurrences(of: "holidays: [2027-01-12]", with: "weekend: [sundy], holidays: [2027-01-32]")
            .replacingOccurrences(of: #"to: "08:00""#, with: #"to: "21:00""#)
        try dir.write(bad, to: "c.yaml")
        let r = try crescendo(["check", dir.path("c.yaml")])
        XCTAssertEqual(r.status, 1)
        for expected in ["c.yaml:6:23: error: calendar: 'weekend' must be one of", "hint: did you mean 'sunday'?",
                         "c.yaml:6:42: error: calendar: malformed date for 'holidays': \"2027-01-32\"",
                         "c.yaml:10:90: error: channels: the quiet period from 21:00 to 21:00 is empty"] {
            XCTAssertTrue(r.stdout.contains(expected), "\(expected)\n\(r.stdout)")
        }
    }
}
