import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import XCTest

/// The daemon holds a delivery that quiet hours defer until its `deliver_at`, keeps holding it
/// across a restart (the delivery's next attempt time is in the database), delivers it then,
/// and records a dropped action without delivering it. The clock is moved by hand.
final class QuietHoursDaemonTests: XCTestCase {
    /// Quiet from 22:00 to 07:00 in Toronto; `night` has none, `strict` drops instead.
    private static let campaign = """
        campaign: fixture
        timezone: America/Toronto
        start: 2026-01-01
        metrics:
          masks: { label: Masks, unit: masks }
        demands:
          psl: { text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 }
        quiet_hours: { from: "22:00", to: "07:00", except: [rapid_response] }
        channels:
          log: { type: file, path: out/log.jsonl }
          night: { type: file, path: out/night.jsonl, quiet_hours: none }
          strict: { type: file, path: out/strict.jsonl, quiet_hours: { from: "21:00", to: "08:00", then: drop } }
        rules:
          - id: each
            when: { every: 1 }
            do:
              - ritual: { kind: rest, text: Rest }
              - notify: { channel: strict, text: "only the strict channel" }
              - rapid_response: { team: liaison, text: "never held" }
                channel: log
        """

    private func lines(_ fx: DaemonFixture, _ channel: String) -> [String] {
        ((try? String(contentsOfFile: fx.scratch.path("out/\(channel).jsonl"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func testAHeldDeliveryWaitsForItsDeliverAtAcrossARestartAndADroppedOneIsOnlyRecorded() async throws {
        // 22:30 in Toronto on 2026-03-01 (EST): quiet until 07:00, which is 12:00Z.
        let fx = try DaemonFixture(start: "2026-03-02T03:29:59Z", campaign: Self.campaign)
        let scheduler = fx.scheduler()
        try await scheduler.step()
        try await fx.post(["2026-03-02T03:30:00Z"])
        fx.clock.set(DaemonFixture.t("2026-03-02T03:30:00Z"))
        let rows = try await scheduler.step()
        XCTAssertEqual(rows.map(\.action), ["ritual", "notify", "rapid_response"])
        let ritual = rows[0], notify = rows[1], rapid = rows[2]
        // The ritual goes to every file channel: held on log, at once on night, dropped on strict.
        XCTAssertEqual(ritual.channels, ["log", "night"])
        XCTAssertEqual(ritual.deliverAt, ["log": DaemonFixture.t("2026-03-02T12:00:00Z")])
        XCTAssertTrue(ritual.payload.contains(#""deliver_at":"2026-03-02T12:00:00Z""#), ritual.payload)
        XCTAssertTrue(ritual.payload.contains(#"{"channel":"strict","dropped":"quiet_hours"}"#), ritual.payload)
        // The notify goes only to strict, which drops it: recorded, never delivered.
        XCTAssertEqual(notify.state, .skipped)
        XCTAssertEqual(notify.channels, [])
        XCTAssertEqual(notify.reason, "dropped by quiet hours on every channel it goes to (then: drop)")
        XCTAssertTrue(notify.payload.contains(#""dropped":"quiet_hours""#))
        // The rapid response is an exception.
        XCTAssertEqual(rapid.deliverAt, [:])
        XCTAssertEqual(rapid.state, .pending)

        try await fx.dispatcher().drain()
        XCTAssertEqual(lines(fx, "night").count, 1)
        XCTAssertEqual(lines(fx, "log").map { $0.contains("rapid_response") }, [true], "only the exception reached log")
        XCTAssertEqual(lines(fx, "strict"), [])

        // A second before 07:00, nothing more; then the daemon restarts.
        fx.clock.set(DaemonFixture.t("2026-03-02T11:59:59Z"))
        try await fx.scheduler().step()
        try await fx.dispatcher().drain()
        XCTAssertEqual(lines(fx, "log").count, 1)
        XCTAssertEqual(try fx.store.actions(since: nil, limit: 10).first { $0.action == "ritual" }?.state, .pending)

        // After the restart, at 07:00, the held delivery goes out.
        fx.clock.set(DaemonFixture.t("2026-03-02T12:00:00Z"))
        let restarted = try await fx.scheduler().step()
        XCTAssertEqual(restarted, [], "a restart decides nothing new")
        try await fx.dispatcher().drain()
        XCTAssertEqual(lines(fx, "log").count, 2)
        XCTAssertTrue(lines(fx, "log").last?.contains(#""action":"ritual""#) == true)
        let stored = try fx.store.actions(since: nil, limit: 10)
        XCTAssertEqual(stored.map(\.state), [.delivered, .skipped, .delivered])
        XCTAssertEqual(stored[0].deliveredAt, DaemonFixture.t("2026-03-02T12:00:00Z"))
        XCTAssertEqual(lines(fx, "strict"), [], "a dropped action is never delivered")
    }
}
