import XCTest
import CrescendoCore
@testable import CrescendoDSL

/// `calendar:`, `deadline: 10bd` and `quiet_hours:` load into the campaign, and `check` reports
/// each mistake at its place.
final class CalendarAndQuietHoursTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Paths.temporaryFolder() }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    /// A campaign with `extra` at its top level, a file channel `log` (with `channel` added)
    /// and one briefing rule with `deadline`.
    private func campaign(_ extra: String, deadline: String = "10bd", channel: String = "") -> String {
        """
        campaign: c
        timezone: America/Toronto
        start: 2027-01-04
        metrics: { masks: { label: Masks, unit: masks } }
        demands: { psl: { text: Paid sick leave, target: Ministry, funding: Line 4 } }
        channels:
          log: { type: file, path: out.jsonl\(channel) }
        rules:
          - id: brief
            when: { every: 10 }
            do: [ { briefing: { demand: psl, deadline: \(deadline) } } ]
        \(extra)
        """
    }

    private func check(_ text: String) throws -> [String] {
        let path = folder.appendingPathComponent("c-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return CampaignLoader().check(path).map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
    }

    private func load(_ text: String) throws -> Campaign {
        let path = folder.appendingPathComponent("c.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = CampaignLoader().load(path)
        XCTAssertEqual(result.diagnostics, [])
        return try XCTUnwrap(result.campaign)
    }

    func testACalendarAndBusinessDayDeadlinesLoad() throws {
        let c = try load(campaign("calendar: { weekend: [friday, saturday], holidays: [2027-02-15, 2027-04-02] }"))
        XCTAssertEqual(c.calendar, BusinessCalendar(weekend: [5, 6], holidays: [CivilDate(year: 2027, month: 2, day: 15), CivilDate(year: 2027, month: 4, day: 2)]))
        XCTAssertEqual(c.rules[0].actions[0].action, .briefing(demand: "psl", deadline: .businessDays(10), to: nil))
        XCTAssertEqual(try load(campaign("", deadline: "14d")).rules[0].actions[0].action, .briefing(demand: "psl", deadline: .days(14), to: nil))
        XCTAssertEqual(try load(campaign("")).calendar, BusinessCalendar(weekend: [6, 7]), "the default weekend is saturday and sunday")
    }

    func testCalendarMistakesAreReportedWithTheirPositions() throws {
        XCTAssertEqual(try check(campaign("calendar: { weekend: [satruday], holidays: [2027-02-30, 2027/04/02] }")), [
            "12:23: error: 'weekend' must be one of 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', not \"satruday\" (did you mean 'saturday'?)",
            "12:45: error: malformed date for 'holidays': \"2027-02-30\" (write a date as YYYY-MM-DD, e.g. 2027-01-04)",
            "12:57: error: malformed date for 'holidays': \"2027/04/02\" (write a date as YYYY-MM-DD, e.g. 2027-01-04)",
        ])
        XCTAssertEqual(try check(campaign("calendar: { weekend: [monday, tuesday, wednesday, thursday, friday, saturday, sunday] }")), [
            "12:22: error: the weekend takes every day of the week, so no day is a business day (a business-day deadline (10bd) could never come due; list at most six days)",
        ])
        XCTAssertEqual(try check(campaign("calendar: { weekend: [sunday, sunday], holidays: [2027-02-15, 2027-02-15] }")), [
            "12:31: warning: 'sunday' is listed twice in 'weekend'", "12:63: warning: holiday 2027-02-15 is listed twice",
        ])
    }

    func testMalformedBusinessDays() throws {
        XCTAssertEqual(try check(campaign("", deadline: "10 bd")), [
            "11:48: error: malformed business days for 'deadline': \"10 bd\" (write a whole number and bd, e.g. 10bd)"])
        XCTAssertEqual(try check(campaign("", deadline: "0bd")), ["11:48: error: 'deadline' must be at least 1bd, not 0bd"])
        XCTAssertEqual(try check(campaign("", deadline: "99999bd")), ["11:48: error: 'deadline' is longer than 100 years: \"99999bd\""])
        XCTAssertEqual(try check(campaign("", deadline: "10days")), [
            "11:48: error: malformed duration for 'deadline': \"10days\" (write a whole number and a unit (30m, 48h, 7d, 2w) or ISO 8601 (PT48H, P7D))"])
    }

    func testQuietHoursLoadAtTheTopLevelAndPerChannel() throws {
        let c = try load(campaign("quiet_hours: { from: \"22:00\", to: \"07:00\", then: drop, except: [rapid_response, silence] }",
                                  channel: ", quiet_hours: none"))
        XCTAssertEqual(c.quietHours, QuietHours(from: LocalTime(hour: 22, minute: 0), to: LocalTime(hour: 7, minute: 0), then: .drop,
                                                except: ["rapid_response", "silence"]))
        XCTAssertEqual(c.channels[0].quietHours, ChannelQuietHours.none)
        let own = try load(campaign("", channel: ", quiet_hours: { from: \"12:00\", to: \"24:00\" }"))
        XCTAssertNil(own.quietHours)
        XCTAssertEqual(own.channels[0].quietHours, .own(QuietHours(from: LocalTime(hour: 12, minute: 0), to: .midnight)))
        XCTAssertEqual(try load(campaign("")).channels[0].quietHours, .campaign)
    }

    func testCheckRefusesAnEmptyOrAllDayPeriodAndBadValues() throws {
        XCTAssertEqual(try check(campaign("quiet_hours: { from: \"22:00\", to: \"22:00\" }")), [
            "12:35: error: the quiet period from 22:00 to 22:00 is empty (give 'from' and 'to' two different times of day)"])
        XCTAssertEqual(try check(campaign("", channel: ", quiet_hours: { from: \"00:00\", to: \"24:00\" }")), [
            "7:73: error: the quiet period from 00:00 to 24:00 covers the whole day (nothing would ever be delivered; shorten it)"])
        XCTAssertEqual(try check(campaign("quiet_hours: { from: \"25:00\", to: \"07:00\", then: later, except: [rapid] }")), [
            "12:22: error: 'from' is not a time of day: \"25:00\" (write HH:MM in 24-hour time, e.g. \"22:00\")",
            "12:50: error: 'then' must be one of 'defer', 'drop', not \"later\"",
            "12:66: error: 'except' must be one of 'escalate', 'briefing', 'ritual', 'publish', 'notify', 'rapid_response', 'silence', not \"rapid\"",
        ])
        XCTAssertEqual(try check(campaign("quiet_hours: off")), [
            "12:14: error: 'quiet_hours' must be none or a mapping with 'from' and 'to', not \"off\" (e.g. quiet_hours: { from: \"22:00\", to: \"07:00\" })"])
        XCTAssertEqual(try check(campaign("quiet_hours: { from: \"22:00\", too: \"07:00\" }")), [
            "12:14: error: quiet_hours needs 'to'", "12:31: error: unknown key 'too' in quiet_hours (did you mean 'to'?)"])
    }
}
