import XCTest
@testable import CrescendoCore

final class CalendarTriggerTests: XCTestCase {
    let tz = Fx.toronto

    func testDailyScheduleAcrossTorontoSpringForwardFiresAtTheFirstValidInstant() {
        let c = Fx.campaign([Fx.rule("d", .schedule(.daily(at: LocalTime(hour: 2, minute: 30))))], zone: tz, start: "2027-03-13")
        let out = Fx.run(c, until: "2027-03-15T23:00")
        // 02:30 does not exist on 2027-03-14: it fires at 03:00 EDT.
        XCTAssertEqual(out.map { tz.iso8601($0.at) }, ["2027-03-13T02:30:00-05:00", "2027-03-14T03:00:00-04:00", "2027-03-15T02:30:00-04:00"])
        XCTAssertEqual(out.map(\.at.iso8601), ["2027-03-13T07:30:00Z", "2027-03-14T07:00:00Z", "2027-03-15T06:30:00Z"])
    }

    func testDailyScheduleAcrossTorontoFallBackFiresOnceAtTheFirstOccurrence() {
        let c = Fx.campaign([Fx.rule("d", .schedule(.daily(at: LocalTime(hour: 1, minute: 30))))], zone: tz, start: "2027-11-06")
        let out = Fx.run(c, until: "2027-11-08T23:00")
        XCTAssertEqual(out.map(\.at.iso8601), ["2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z"])
    }

    func testWeeklyScheduleKeepsLocalTimeAcrossTheChange() {
        let c = Fx.campaign([Fx.rule("w", .schedule(.weekly(on: 1, at: LocalTime(hour: 9, minute: 0))))], zone: tz, start: "2027-03-01")
        let out = Fx.run(c, until: "2027-03-22T23:00")
        XCTAssertEqual(out.map { tz.iso8601($0.at) }, ["2027-03-01T09:00:00-05:00", "2027-03-08T09:00:00-05:00",
                                                     "2027-03-15T09:00:00-04:00", "2027-03-22T09:00:00-04:00"])
        XCTAssertEqual(out[0].because, "scheduled every week on monday at 09:00")
    }

    func testCronAcrossSpringForwardFiresOnceAtThreeOClock() {
        guard case .success(let cron) = CronExpression.parse("*/30 2-3 * * *") else { return XCTFail("cron did not parse") }
        let c = Fx.campaign([Fx.rule("c", .schedule(.cron(cron)))], zone: tz, start: "2027-03-14")
        let out = Fx.run(c, until: "2027-03-14T12:00")
        // 02:00 and 02:30 fall in the gap and resolve to 03:00, as does 03:00 itself: one firing.
        XCTAssertEqual(out.map { tz.iso8601($0.at) }, ["2027-03-14T03:00:00-04:00", "2027-03-14T03:30:00-04:00"])
    }

    func testMonthlyOnTheThirtyFirstFiresOnTheLastDayOfShorterMonths() {
        let c = Fx.campaign([Fx.rule("m", .schedule(.monthly(on: 31, at: LocalTime(hour: 12, minute: 0))))], start: "2027-01-01")
        XCTAssertEqual(Fx.run(c, until: "2027-04-30T23:00").map(\.at.iso8601),
                       ["2027-01-31T12:00:00Z", "2027-02-28T12:00:00Z", "2027-03-31T12:00:00Z", "2027-04-30T12:00:00Z"])
    }

    func testWindowEdgesWithOffsets() {
        let w = Window(id: "budget", kind: "budget", from: CivilDate(year: 2027, month: 3, day: 20), to: CivilDate(year: 2027, month: 4, day: 10))
        let c = Fx.campaign([Fx.rule("prep", .window(id: "budget", edge: .open, offset: .days(-7))),
                             Fx.rule("open", .window(id: "budget", edge: .open, offset: .zero)),
                             Fx.rule("closed", .window(id: "budget", edge: .close, offset: .hours(9)))],
                            zone: tz, start: "2027-01-01", windows: [w])
        let out = Fx.run(c, until: "2027-12-31")
        // Offsets are exact lengths of time: 7 × 24 h before 00:00 EDT on 03-20 is 23:00 EST on 03-12.
        XCTAssertEqual(out.map { "\($0.rule) \(tz.iso8601($0.at))" }, [
            "prep 2027-03-12T23:00:00-05:00", "open 2027-03-20T00:00:00-04:00", "closed 2027-04-11T09:00:00-04:00",
        ])
    }

    func testInWindowConditionRecordsWhyARuleDidNotFire() {
        let w = Window(id: "session", kind: "legislative", from: CivilDate(year: 2027, month: 2, day: 1), to: CivilDate(year: 2027, month: 2, day: 28))
        let r = Fx.rule("b", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil), if: [.inWindow("session")])
        let c = Fx.campaign([r], windows: [w])
        var engine = Engine(campaign: c, options: .init(until: Fx.t("2027-12-31"), explain: "b"))
        var out: [Occurrence] = []
        for e in [Fx.entry("2027-01-31T23:59:59Z"), Fx.entry("2027-02-01T00:00Z"), Fx.entry("2027-03-01T00:00Z")] {
            try? engine.record(.entry(e), into: &out)
        }
        engine.finish(into: &out)
        XCTAssertEqual(out.lines, ["2027-02-01T00:00:00Z b notify"])
        XCTAssertEqual(engine.trace.map(\.message), [
            "did not fire: not in window session (2027-02-01 to 2027-02-28) (trigger: entry 1 reached every 1 entries)",
            "fired: entry 2 reached every 1 entries",
            "did not fire: not in window session (2027-02-01 to 2027-02-28) (trigger: entry 3 reached every 1 entries)",
        ])
    }
}
