import XCTest
@testable import CrescendoCore

/// `deadline: 10bd`: due at the briefing's local time of day on the Nth business day after its
/// local date, across weekends, holidays and daylight-saving changes (America/Toronto: clocks go
/// forward on 2027-03-14 at 02:00 and back on 2027-11-07 at 02:00).
final class BusinessDayTests: XCTestCase {
    private let zone = Fx.toronto

    private func due(_ opened: String, _ n: Int, weekend: Set<Int> = [6, 7], holidays: [String] = []) -> Instant {
        let calendar = BusinessCalendar(weekend: weekend, holidays: Set(holidays.map { TimeParsing.date($0)! }))
        return DeadlineLength.businessDays(n).due(after: Fx.t(opened, zone), in: zone, calendar: calendar)
    }

    func testTheSpecificationsExampleFridayPlusThreeIsWednesday() {
        XCTAssertEqual(zone.iso8601(due("2027-01-08T15:00", 3)), "2027-01-13T15:00:00-05:00")
    }

    func testTheBriefingsOwnDayNeverCountsAndAWeekendBriefingCountsFromMonday() {
        XCTAssertEqual(zone.iso8601(due("2027-01-11T09:00", 1)), "2027-01-12T09:00:00-05:00")  // Monday -> Tuesday
        XCTAssertEqual(zone.iso8601(due("2027-01-09T09:00", 1)), "2027-01-11T09:00:00-05:00")  // Saturday -> Monday
        XCTAssertEqual(zone.iso8601(due("2027-01-08T15:00", 10)), "2027-01-22T15:00:00-05:00")
    }

    func testHolidaysAreSkipped() {
        // Friday 2027-02-12; Monday 15 (Family Day) is a holiday.
        XCTAssertEqual(zone.iso8601(due("2027-02-12T15:00", 1, holidays: ["2027-02-15"])), "2027-02-16T15:00:00-05:00")
        XCTAssertEqual(zone.iso8601(due("2027-02-12T15:00", 1, holidays: ["2027-02-16"])), "2027-02-15T15:00:00-05:00")
        // A holiday on a weekend day changes nothing.
        XCTAssertEqual(zone.iso8601(due("2027-02-12T15:00", 1, holidays: ["2027-02-13"])), "2027-02-15T15:00:00-05:00")
    }

    func testAnotherWeekend() {
        // Friday and Saturday off: Thursday + 1 is Sunday.
        XCTAssertEqual(zone.iso8601(due("2027-01-07T10:00", 1, weekend: [5, 6])), "2027-01-10T10:00:00-05:00")
        // No weekend: every day counts.
        XCTAssertEqual(zone.iso8601(due("2027-01-08T10:00", 2, weekend: [])), "2027-01-10T10:00:00-05:00")
    }

    func testTheDueTimeIsLocalAcrossADaylightSavingChange() {
        // Friday 15:00 EST (20:00Z) + 1 business day: Monday 15:00 EDT (19:00Z), 71 hours later.
        let opened = Fx.t("2027-03-12T15:00", zone)
        let d = due("2027-03-12T15:00", 1)
        XCTAssertEqual(d.iso8601, "2027-03-15T19:00:00Z")
        XCTAssertEqual((d - opened).seconds, 71 * 3600)
    }

    func testALocalTimeThatDoesNotExistOnTheDueDayIsDueAtTheFirstValidInstantAfterIt() {
        // Saturday-only weekend: Friday 02:30 + 1 business day is Sunday 2027-03-14 02:30, which
        // does not exist (02:00 becomes 03:00): due at 03:00 EDT.
        XCTAssertEqual(zone.iso8601(due("2027-03-12T02:30", 1, weekend: [6])), "2027-03-14T03:00:00-04:00")
    }

    func testALocalTimeThatOccursTwiceIsDueAtItsFirstOccurrence() {
        // Sunday 2027-11-07 01:30 happens at 01:30 EDT and again at 01:30 EST.
        XCTAssertEqual(zone.iso8601(due("2027-11-05T01:30", 1, weekend: [6])), "2027-11-07T01:30:00-04:00")
    }

    func testACalendarWithNoBusinessDayGivesNoDay() {
        XCTAssertNil(BusinessCalendar(weekend: Set(1...7)).businessDay(1, after: CivilDate(year: 2027, month: 1, day: 1)))
        XCTAssertEqual(DeadlineLength.businessDays(10).description, "10bd")
        XCTAssertEqual(DeadlineLength.days(14).description, "14d")
    }

    func testTheEngineOpensABusinessDayDeadlineAndItsSilenceComesThen() {
        let brief = Fx.rule("brief", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil),
                            do: [ActionSpec(.briefing(demand: "psl", deadline: .businessDays(3), to: nil))])
        var c = Fx.campaign([brief], zone: zone)
        c.calendar = BusinessCalendar(holidays: [CivilDate(year: 2027, month: 1, day: 12)])
        let out = Fx.run(c, ledger: [Fx.entry("2027-01-08T15:00", zone: zone)], until: "2027-02-01")
        XCTAssertEqual(out.map(\.action), ["briefing", "silence"])
        // Friday + 3 business days, Tuesday 12 a holiday: Thursday 14 at 15:00.
        XCTAssertEqual(out[0].due, Fx.t("2027-01-14T15:00", zone))
        XCTAssertEqual(out[1].at, Fx.t("2027-01-14T15:00", zone))
        XCTAssertEqual(out[1].context["days_silent"], "6")
        XCTAssertEqual(out[0].text, "People's Briefing to Ministry of Labour: Paid sick leave. Deadline 1 is due 2027-01-14 15:00.")
    }
}
