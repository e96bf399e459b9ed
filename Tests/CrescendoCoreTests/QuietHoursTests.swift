import XCTest
@testable import CrescendoCore

/// Quiet hours: a held action keeps its `at` and gets `deliver_at`; a dropped one `dropped`;
/// per channel, in the campaign's zone, across daylight-saving changes (America/Toronto).
final class QuietHoursTests: XCTestCase {
    private let zone = Fx.toronto
    private let night = QuietHours(from: LocalTime(hour: 22, minute: 0), to: LocalTime(hour: 7, minute: 0))

    private func end(_ q: QuietHours, _ local: String) -> String? {
        q.end(holding: Fx.t(local, zone), in: zone).map(zone.iso8601)
    }

    func testAPeriodOverMidnightAndADaytimeOne() {
        XCTAssertTrue(night.contains(LocalTime(hour: 22, minute: 0)))
        XCTAssertTrue(night.contains(LocalTime(hour: 3, minute: 0)))
        XCTAssertFalse(night.contains(LocalTime(hour: 7, minute: 0)))
        XCTAssertFalse(night.contains(LocalTime(hour: 21, minute: 59, second: 59)))
        let lunch = QuietHours(from: LocalTime(hour: 12, minute: 0), to: LocalTime(hour: 13, minute: 0))
        XCTAssertTrue(lunch.contains(LocalTime(hour: 12, minute: 30)))
        XCTAssertFalse(lunch.contains(LocalTime(hour: 13, minute: 0)))
        XCTAssertEqual(end(night, "2027-01-08T23:30"), "2027-01-09T07:00:00-05:00")
        XCTAssertEqual(end(night, "2027-01-09T03:00"), "2027-01-09T07:00:00-05:00")
        XCTAssertNil(end(night, "2027-01-09T07:00"))
        XCTAssertEqual(end(lunch, "2027-01-09T12:00"), "2027-01-09T13:00:00-05:00")
    }

    func testTheEndIsLocalAcrossDaylightSavingChanges() {
        // Saturday 23:00 EST before the spring-forward night: 07:00 EDT is 11:00Z, 7 hours later.
        XCTAssertEqual(end(night, "2027-03-13T23:00"), "2027-03-14T07:00:00-04:00")
        // An end that falls in the gap (02:30 does not exist on 2027-03-14) is the first valid instant after it.
        let early = QuietHours(from: LocalTime(hour: 1, minute: 0), to: LocalTime(hour: 2, minute: 30))
        XCTAssertEqual(end(early, "2027-03-14T01:30"), "2027-03-14T03:00:00-04:00")
        // In the repeated hour of 2027-11-07, each 01:15 is held until the 01:30 that follows it.
        let repeated = QuietHours(from: LocalTime(hour: 0, minute: 0), to: LocalTime(hour: 1, minute: 30))
        XCTAssertEqual(repeated.end(holding: Fx.t("2027-11-07T05:15Z"), in: zone)?.iso8601, "2027-11-07T05:30:00Z")  // 01:15 EDT
        XCTAssertEqual(repeated.end(holding: Fx.t("2027-11-07T06:15Z"), in: zone)?.iso8601, "2027-11-07T06:30:00Z")  // 01:15 EST
        // Back to standard time: 07:00 EST is 12:00Z.
        XCTAssertEqual(end(night, "2027-11-06T23:00"), "2027-11-07T07:00:00-05:00")
    }

    /// Rapid responses, notifications and a ritual at 23:00 local, the campaign's quiet hours at night.
    private func campaign(_ quiet: QuietHours?, channels: [Channel] = []) -> Campaign {
        let rules = [Fx.rule("call", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil), do: [
            ActionSpec(.rapidResponse(team: "liaison", text: "go")),
            ActionSpec(.notify(channel: nil, text: "hello", template: nil), channel: channels.first?.id),
            ActionSpec(.ritual(kind: "rest", text: "rest")),
        ])]
        var c = Fx.campaign(rules, zone: zone)
        c.quietHours = quiet
        c.channels = channels
        return c
    }

    private func run(_ c: Campaign, at local: String = "2027-01-08T23:00") -> [Occurrence] {
        Fx.run(c, ledger: [Fx.entry(local, zone: zone)], until: "2027-02-01")
    }

    func testDeferredActionsKeepTheirAtAndGetDeliverAt() {
        var q = night
        q.except = ["rapid_response"]
        let out = run(campaign(q))
        XCTAssertEqual(out.map(\.action), ["rapid_response", "notify", "ritual"])
        XCTAssertEqual(out.map(\.at), Array(repeating: Fx.t("2027-01-08T23:00", zone), count: 3))
        XCTAssertNil(out[0].deliverAt)
        XCTAssertEqual(out[1].deliverAt, Fx.t("2027-01-09T07:00", zone))
        XCTAssertTrue(out[1].jsonLine.contains("\"late\"") == false && out[1].jsonLine.contains("\"deliver_at\":\"2027-01-09T12:00:00Z\""), out[1].jsonLine)
        XCTAssertNil(out[1].dropped)
        // Outside the period nothing is held.
        XCTAssertTrue(run(campaign(q), at: "2027-01-08T12:00").allSatisfy { $0.deliverAt == nil && $0.dropped == nil })
    }

    func testDroppedActionsAreRecordedAsDropped() {
        var q = night
        q.then = .drop
        let out = run(campaign(q))
        XCTAssertEqual(out.map(\.dropped), ["quiet_hours", "quiet_hours", "quiet_hours"])
        XCTAssertTrue(out[0].jsonLine.contains("\"dropped\":\"quiet_hours\""))
        XCTAssertNil(out[0].deliverAt)
        XCTAssertNil(out[0].deliveryTime(on: "anything"))
    }

    func testAChannelTakesItsOwnQuietHoursOrNone() {
        var sms = Channel(id: "sms", kind: .webhook(url: "http://127.0.0.1:1/"))
        sms.quietHours = .none
        var log = Channel(id: "log", kind: .file(path: "log.jsonl"))
        log.quietHours = .own(QuietHours(from: LocalTime(hour: 23, minute: 0), to: LocalTime(hour: 6, minute: 0), then: .drop))
        // The notify goes to sms (no quiet hours); the others to every file channel: log, which drops.
        let out = run(campaign(night, channels: [sms, log]))
        XCTAssertEqual(out[1].channel, "sms")
        XCTAssertNil(out[1].deliverAt)
        XCTAssertNil(out[1].dropped)
        XCTAssertEqual(out[0].dropped, "quiet_hours")
        XCTAssertEqual(out[2].dropped, "quiet_hours")
    }

    func testAnActionOnSeveralChannelsListsEachAndDeliverAtIsTheLast() {
        let a = Channel(id: "a", kind: .file(path: "a.jsonl"))
        var b = Channel(id: "b", kind: .file(path: "b.jsonl"))
        b.quietHours = .none
        var c = Channel(id: "c", kind: .file(path: "c.jsonl"))
        c.quietHours = .own(QuietHours(from: LocalTime(hour: 20, minute: 0), to: LocalTime(hour: 9, minute: 0)))
        var campaign = campaign(night, channels: [a, b, c])
        campaign.rules[0].actions = [ActionSpec(.ritual(kind: "rest", text: "rest"))]
        let o = run(campaign)[0]
        XCTAssertEqual(o.deliveries, [ChannelDelivery(channel: "a", deliverAt: Fx.t("2027-01-09T07:00", zone)),
                                      ChannelDelivery(channel: "b", deliverAt: Fx.t("2027-01-08T23:00", zone)),
                                      ChannelDelivery(channel: "c", deliverAt: Fx.t("2027-01-09T09:00", zone))])
        XCTAssertEqual(o.deliverAt, Fx.t("2027-01-09T09:00", zone))
        XCTAssertEqual(o.deliveryTime(on: "b"), o.at)
        XCTAssertTrue(o.jsonLine.contains("\"deliveries\":[{\"channel\":\"a\",\"deliver_at\":\"2027-01-09T12:00:00Z\"},{\"channel\":\"b\",\"deliver_at\":\"2027-01-09T04:00:00Z\"}"), o.jsonLine)
        // Dropped on one channel only: delivered on the others, and not dropped as a whole.
        campaign.channels[2].quietHours = .own(QuietHours(from: LocalTime(hour: 20, minute: 0), to: LocalTime(hour: 9, minute: 0), then: .drop))
        let p = run(campaign)[0]
        XCTAssertNil(p.dropped)
        XCTAssertNil(p.deliveryTime(on: "c"))
        XCTAssertEqual(p.deliverAt, Fx.t("2027-01-09T07:00", zone))
        XCTAssertTrue(p.jsonLine.contains("{\"channel\":\"c\",\"dropped\":\"quiet_hours\"}"), p.jsonLine)
    }

    func testWithoutQuietHoursTheOutputIsAsBefore() {
        let out = run(campaign(nil))
        XCTAssertTrue(out.allSatisfy { $0.deliverAt == nil && $0.dropped == nil && $0.deliveries.isEmpty })
        XCTAssertFalse(out.contains { $0.jsonLine.contains("deliver") })
    }
}
