import CrescendoCore
import CrescendoPublish
import XCTest

/// The deadline clock and the calendar feed show a business-day deadline's due time as the
/// engine computes it: they read the engine's deadline records, never a length of their own.
final class BusinessDayDeadlineTests: XCTestCase {
    private func data(now: String) -> SiteData {
        var c = SiteFixture.campaign()
        c.rules[0].actions = [ActionSpec(.briefing(demand: "psl", deadline: .businessDays(3), to: nil))]
        c.calendar = BusinessCalendar(holidays: [CivilDate(year: 2027, month: 1, day: 12)])
        // Ten entries an hour apart: the tenth, and the briefing, on Friday 2027-01-08 at 15:00.
        return SiteFixture.data(campaign: c, entries: SiteFixture.entries(10, from: "2027-01-08T06:00"), now: now)
    }

    func testTheDeadlineClockShowsTheBusinessDayDueTime() throws {
        // Friday + 3 business days, with Tuesday 12 a holiday: Thursday 14 at 15:00 (not Monday 11).
        let open = data(now: "2027-01-12T12:00")
        XCTAssertEqual(open.deadlines.map(\.due), [SiteFixture.t("2027-01-14T15:00")])
        let home = String(decoding: try XCTUnwrap(Site(open).build()["index.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(home.contains("to answer on “Universal paid sick leave” by 2027-01-14 15:00."), home)
        let missed = data(now: "2027-01-20T12:00")
        let later = String(decoding: try XCTUnwrap(Site(missed).build()["index.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(later.contains("the deadline was 2027-01-14 15:00."), later)
    }

    func testTheCalendarFeedsDueIsTheBusinessDayDueTime() throws {
        let ics = String(decoding: try XCTUnwrap(Site(data(now: "2027-01-12T12:00")).build()["calendar.ics"]).bytes, as: UTF8.self)
        // 15:00 in Toronto in January is 20:00Z.
        XCTAssertTrue(ics.contains("BEGIN:VTODO\r\nUID:deadline-1@test-campaign.crescendo\r\n"), ics)
        XCTAssertTrue(ics.contains("DUE:20270114T200000Z\r\n"), ics)
    }
}
