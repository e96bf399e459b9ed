import XCTest
@testable import CrescendoCore

/// `--collisions`: what works against the campaign's own structure, found in a dry run.
final class CollisionTests: XCTestCase {
    private let budget = Window(id: "budget", kind: "budget", from: CivilDate(year: 2027, month: 3, day: 20), to: CivilDate(year: 2027, month: 4, day: 10))
    private let ladder = Ladder(id: "main", pick: .rotate, tactics: [Tactic(id: "call-in", text: "Call-in")])

    private func lines(_ found: [Collision]) -> [String] {
        found.map { "\($0.kind.rawValue) \($0.rule) \($0.window ?? "-") \($0.requestedAt) \($0.at.map(\.description) ?? "null")" }
    }

    /// Escalations and briefings at every entry, a 7-day cool-down, a budget window to Apr 10.
    private func campaign(_ whenBlocked: Pacing.WhenBlocked = .defer, decompressionIn: TimeSpan = .days(8)) -> Campaign {
        Fx.campaign([Fx.rule("push", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil), do: [Fx.escalate]),
                     Fx.rule("brief", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil),
                             do: [ActionSpec(.briefing(demand: "psl", deadline: .days(15), to: nil))])],
                    ladders: [ladder], pacing: Pacing(cooldown: .days(7), whenBlocked: whenBlocked),
                    decompression: [Fx.ritual("rest", in: decompressionIn)], windows: [budget])
    }

    private let ledger = [Fx.entry("2027-04-05T10:00Z"), Fx.entry("2027-04-08T10:00Z"), Fx.entry("2027-04-09T10:00Z")]

    func testPacingDeadlinesAndRituals() {
        let c = campaign()
        let found = Collisions(campaign: c, actions: Fx.run(c, ledger: ledger, until: "2027-06-01")).find()
        XCTAssertEqual(lines(found), [
            "deadline_after_window brief budget 2027-04-05T10:00:00Z 2027-04-20T10:00:00Z",
            "ritual_after_next_escalation push - 2027-04-05T10:00:00Z 2027-04-13T10:00:00Z",
            "deferred_past_window push budget 2027-04-08T10:00:00Z 2027-04-12T10:00:00Z",
            "deadline_after_window brief budget 2027-04-08T10:00:00Z 2027-04-23T10:00:00Z",
            "deadline_after_window brief budget 2027-04-09T10:00:00Z 2027-04-24T10:00:00Z",
            "coalesced_away push - 2027-04-09T10:00:00Z 2027-04-12T10:00:00Z",
            "deadline_on_closed_day brief - 2027-04-09T10:00:00Z 2027-04-24T10:00:00Z",
        ])
        XCTAssertEqual(found[2].because, "an escalation requested 2 times from 2027-04-08 10:00 (first by push), inside budget (2027-03-20 to 2027-04-10), was deferred by pacing to 2027-04-12 10:00, after the window closed at 2027-04-11 00:00")
        XCTAssertEqual(found[5].because, "the escalation requested by push at 2027-04-09 10:00 was merged into the one push requested at 2027-04-08 10:00, which happened at 2027-04-12 10:00: 2 requests, one escalation")
        XCTAssertEqual(found[1].because, "the rest ritual following the escalation at 2027-04-05 10:00 comes at 2027-04-13 10:00, after the next escalation at 2027-04-12 10:00, inside its cool-down (until 2027-04-19 10:00)")
        XCTAssertEqual(found[0].because, "deadline 1 (Ministry of Labour on psl), briefed at 2027-04-05 10:00 inside budget (2027-03-20 to 2027-04-10), comes due at 2027-04-20 10:00, after the window closed at 2027-04-11 00:00")
        XCTAssertEqual(found[6].because, "deadline 3 (Ministry of Labour on psl), briefed at 2027-04-09 10:00, comes due on Saturday 2027-04-24, a weekend day of the campaign's calendar")
        XCTAssertEqual(found[2].json(scenario: "wave").text,
                       #"{"scenario":"wave","kind":"deferred_past_window","rule":"push","window":"budget","requested_at":"2027-04-08T10:00:00Z","at":"2027-04-12T10:00:00Z","because":"an escalation requested 2 times from 2027-04-08 10:00 (first by push), inside budget (2027-03-20 to 2027-04-10), was deferred by pacing to 2027-04-12 10:00, after the window closed at 2027-04-11 00:00"}"#)
    }

    func testASuppressedEscalationInAWindowNeverHappens() {
        let c = campaign(.skip, decompressionIn: .days(2))
        let found = Collisions(campaign: c, actions: Fx.run(c, ledger: ledger, until: "2027-06-01")).find().filter { $0.kind == .deferredPastWindow }
        XCTAssertEqual(lines(found), ["deferred_past_window push budget 2027-04-08T10:00:00Z null", "deferred_past_window push budget 2027-04-09T10:00:00Z null"])
        XCTAssertTrue(found[0].because.hasPrefix("an escalation requested by push at 2027-04-08 10:00, inside budget (2027-03-20 to 2027-04-10), was suppressed by pacing (cool-down of 7d"), found[0].because)
        XCTAssertEqual(found[0].json().text.contains(#""at":null"#), true)
    }

    func testAHolidayDeadlineAndQuietHours() {
        var c = Fx.campaign([Fx.rule("call", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil), do: [
            ActionSpec(.rapidResponse(team: "liaison", text: "go")),
            ActionSpec(.briefing(demand: "psl", deadline: .days(3), to: nil)),
        ]), Fx.rule("missed", .deadline(.missed, demand: nil), do: [Fx.notify])], windows: [budget])
        c.calendar = BusinessCalendar(holidays: [CivilDate(year: 2027, month: 4, day: 13)])
        c.quietHours = QuietHours(from: LocalTime(hour: 22, minute: 0), to: LocalTime(hour: 7, minute: 0), except: ["briefing"])
        let found = Collisions(campaign: c, actions: Fx.run(c, ledger: [Fx.entry("2027-04-10T23:00Z")], until: "2027-06-01")).find()
        XCTAssertEqual(lines(found), [
            "deadline_after_window call budget 2027-04-10T23:00:00Z 2027-04-13T23:00:00Z",
            "held_past_window call budget 2027-04-10T23:00:00Z 2027-04-11T07:00:00Z",
            "deadline_on_closed_day call - 2027-04-10T23:00:00Z 2027-04-13T23:00:00Z",
            "deadline_in_quiet_hours call - 2027-04-10T23:00:00Z 2027-04-14T07:00:00Z",
        ])
        XCTAssertEqual(found[1].because, "the rapid_response at 2027-04-10 23:00, inside budget (2027-03-20 to 2027-04-10), was held by quiet hours until 2027-04-11 07:00, after the window closed at 2027-04-11 00:00")
        XCTAssertEqual(found[2].because, "deadline 1 (Ministry of Labour on psl), briefed at 2027-04-10 23:00, comes due on Tuesday 2027-04-13, a holiday of the campaign's calendar")
        XCTAssertEqual(found[3].because, "deadline 1 (Ministry of Labour on psl) comes due at 2027-04-13 23:00, inside quiet hours: its silence reaches its channels at 2027-04-14 07:00")
        c.quietHours?.then = .drop
        let dropped = Collisions(campaign: c, actions: Fx.run(c, ledger: [Fx.entry("2027-04-10T23:00Z")], until: "2027-06-01")).find()
        XCTAssertEqual(lines(dropped), [
            "deadline_after_window call budget 2027-04-10T23:00:00Z 2027-04-13T23:00:00Z",
            "dropped_by_quiet_hours call - 2027-04-10T23:00:00Z null",
            "deadline_on_closed_day call - 2027-04-10T23:00:00Z 2027-04-13T23:00:00Z",
            "deadline_in_quiet_hours call - 2027-04-10T23:00:00Z null",
            "dropped_by_quiet_hours missed - 2027-04-13T23:00:00Z null",
        ])
        XCTAssertEqual(dropped[1].because, "the rapid_response at 2027-04-10 23:00 was dropped by quiet hours on every channel it goes to")
    }

    func testACampaignThatKeepsItsWindowsHasNone() {
        let c = campaign()
        XCTAssertEqual(Collisions(campaign: c, actions: Fx.run(c, ledger: [Fx.entry("2027-03-01T10:00Z")], until: "2027-06-01")).find().count, 0)
    }
}
