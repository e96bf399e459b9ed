import XCTest
@testable import CrescendoCore

/// A year of one entry a day, worked out by hand below.
final class YearScenarioTests: XCTestCase {
    func testAYearOfDailyEntries() {
        let rules = [
            Fx.rule("briefing-30", .every(n: 30, of: .entries, filter: EntryFilter(), per: nil),
                    do: [ActionSpec(.briefing(demand: "psl", deadline: .days(14), to: nil))]),
            Fx.rule("escalate-100", .every(n: 100, of: .entries, filter: EntryFilter(), per: nil), do: [Fx.escalate]),
            Fx.rule("silence-3", .every(n: 3, of: .silences, filter: EntryFilter(), per: nil), do: [Fx.escalate]),
            Fx.rule("monthly", .schedule(.monthly(on: 1, at: LocalTime(hour: 9, minute: 0))), do: [ActionSpec(.publish(template: "weekly"))]),
            Fx.rule("session-prep", .window(id: "session", edge: .open, offset: .days(-7))),
            Fx.rule("session-closed", .window(id: "session", edge: .close, offset: .zero)),
        ]
        let c = Fx.campaign(rules, start: "2027-01-01",
                            ladders: [Ladder(id: "main", pick: .rotate, tactics: ["a", "b", "c"].map { Tactic(id: $0, text: $0) })],
                            pacing: Pacing(cooldown: .days(7), whenBlocked: .defer), decompression: [Fx.ritual("gratitude", in: .days(2))],
                            windows: [Window(id: "session", kind: "legislative", from: CivilDate(year: 2027, month: 2, day: 1),
                                             to: CivilDate(year: 2027, month: 6, day: 15))])
        // Entry k (1...365) at 12:00 on day k of 2027.
        let ledger = Fx.entries(365, every: .days(1), from: "2027-01-01T12:00Z")
        let responses = [Response(at: Fx.t("2027-03-10T08:00Z"), deadline: 2, text: "We are reviewing it")]
        let out = Fx.run(c, ledger: ledger, responses: responses, until: "2027-12-31T23:59:59Z")
        // Briefings at entries 30, 60, ... (Jan 30, Mar 1, Mar 31, Apr 30, May 30, Jun 29, Jul 29, Aug 28, Sep 27, Oct 27,
        // Nov 26, Dec 26), each due 14 days later; deadline 2 is answered, the 12th falls due in 2028.
        // Escalations at entries 100 (Apr 10), 200 (Jul 19), 300 (Oct 27), and at silences 3 (May 14), 6 (Aug 12),
        // 9 (Nov 10); none within 7 days of another, so no pacing; tactics rotate a, b, c.
        let expected = """
        2027-01-01T09:00:00Z monthly publish
        2027-01-25T00:00:00Z session-prep notify
        2027-01-30T12:00:00Z briefing-30 briefing 1
        2027-02-01T09:00:00Z monthly publish
        2027-02-13T12:00:00Z briefing-30 silence 1
        2027-03-01T09:00:00Z monthly publish
        2027-03-01T12:00:00Z briefing-30 briefing 2
        2027-03-31T12:00:00Z briefing-30 briefing 3
        2027-04-01T09:00:00Z monthly publish
        2027-04-10T12:00:00Z escalate-100 escalate a
        2027-04-12T12:00:00Z escalate-100 ritual
        2027-04-14T12:00:00Z briefing-30 silence 3
        2027-04-30T12:00:00Z briefing-30 briefing 4
        2027-05-01T09:00:00Z monthly publish
        2027-05-14T12:00:00Z briefing-30 silence 4
        2027-05-14T12:00:00Z silence-3 escalate b
        2027-05-16T12:00:00Z silence-3 ritual
        2027-05-30T12:00:00Z briefing-30 briefing 5
        2027-06-01T09:00:00Z monthly publish
        2027-06-13T12:00:00Z briefing-30 silence 5
        2027-06-16T00:00:00Z session-closed notify
        2027-06-29T12:00:00Z briefing-30 briefing 6
        2027-07-01T09:00:00Z monthly publish
        2027-07-13T12:00:00Z briefing-30 silence 6
        2027-07-19T12:00:00Z escalate-100 escalate c
        2027-07-21T12:00:00Z escalate-100 ritual
        2027-07-29T12:00:00Z briefing-30 briefing 7
        2027-08-01T09:00:00Z monthly publish
        2027-08-12T12:00:00Z briefing-30 silence 7
        2027-08-12T12:00:00Z silence-3 escalate a
        2027-08-14T12:00:00Z silence-3 ritual
        2027-08-28T12:00:00Z briefing-30 briefing 8
        2027-09-01T09:00:00Z monthly publish
        2027-09-11T12:00:00Z briefing-30 silence 8
        2027-09-27T12:00:00Z briefing-30 briefing 9
        2027-10-01T09:00:00Z monthly publish
        2027-10-11T12:00:00Z briefing-30 silence 9
        2027-10-27T12:00:00Z briefing-30 briefing 10
        2027-10-27T12:00:00Z escalate-100 escalate b
        2027-10-29T12:00:00Z escalate-100 ritual
        2027-11-01T09:00:00Z monthly publish
        2027-11-10T12:00:00Z briefing-30 silence 10
        2027-11-10T12:00:00Z silence-3 escalate c
        2027-11-12T12:00:00Z silence-3 ritual
        2027-11-26T12:00:00Z briefing-30 briefing 11
        2027-12-01T09:00:00Z monthly publish
        2027-12-10T12:00:00Z briefing-30 silence 11
        2027-12-26T12:00:00Z briefing-30 briefing 12
        """
        let got = out.map { o in
            var s = "\(o.at) \(o.rule) \(o.action)"
            if let d = o.deadline { s += " \(d)" }
            if let t = o.tactic { s += " \(t)" }
            return s
        }
        XCTAssertEqual(got.joined(separator: "\n"), expected)
    }
}
