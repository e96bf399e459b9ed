import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Foundation
import XCTest

final class ChannelTests: XCTestCase {
    func testTheFileChannelNeverWritesAnIdTwiceEvenAfterARestart() async throws {
        let fx = try DaemonFixture()
        let path = fx.channelFile
        try await FileChannel(path: path).deliver(id: "a", payload: #"{"id":"a","at":"x"}"#)
        // A crash after the fsync but before the database update: the restarted daemon tries again.
        let restarted = FileChannel(path: path)
        try await restarted.deliver(id: "a", payload: #"{"id":"a","at":"x"}"#)
        try await restarted.deliver(id: "b", payload: #"{"id":"b","at":"y"}"#)
        XCTAssertEqual(fx.fileLines(), [#"{"id":"a","at":"x"}"#, #"{"id":"b","at":"y"}"#])
    }

    func testATornLastLineIsCutOffBeforeWriting() async throws {
        let fx = try DaemonFixture()
        try FileManager.default.createDirectory(atPath: (fx.channelFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "{\"id\":\"a\"}\n{\"id\":\"b\",\"at".write(toFile: fx.channelFile, atomically: true, encoding: .utf8)
        try await FileChannel(path: fx.channelFile).deliver(id: "b", payload: #"{"id":"b"}"#)
        XCTAssertEqual(fx.fileLines(), [#"{"id":"a"}"#, #"{"id":"b"}"#])
    }

    func testDispatchDeliversThroughTheFileChannelAndRecordsIt() async throws {
        let fx = try DaemonFixture()
        let s = fx.scheduler()
        try await s.step()
        try await fx.post(["2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z"])
        fx.clock.advance(by: TimeSpan(seconds: 2))
        try await s.step()
        try await fx.dispatcher().drain()
        let rows = try fx.store.actions(since: DaemonFixture.t("2026-03-01T00:00:00Z"), limit: 10)
        XCTAssertEqual(rows.map(\.state), [.delivered])
        XCTAssertEqual(fx.fileLines().filter { $0.contains("every-3") }.count, 1)
        // Delivering again (as after a crash before the database update) adds nothing.
        try await fx.dispatcher().drain()
        XCTAssertEqual(fx.fileLines().filter { $0.contains("every-3") }.count, 1)
    }

    func testAWebhookThatRefusesIsRetriedThenDeadLettered() async throws {
        let fx = try DaemonFixture()
        // Nothing listens on this port.
        let hook = WebhookChannel(url: "http://127.0.0.1:9/hook", timeoutSeconds: 1)
        do {
            try await hook.deliver(id: "x", payload: "{}")
            XCTFail("a refusing port cannot confirm")
        } catch is DeliveryFailure {}
        // Through the dispatcher: attempts until the policy gives up, then dead.
        try await fx.store.commit(DaemonStep(campaign: "fixture", judgedThrough: fx.clock.now(), aliveAt: fx.clock.now(), actions: [
            ActionRecord(id: "fixture/1-r-notify-1", campaign: "fixture", rule: "r", action: "notify", dueAt: fx.clock.now(),
                         payload: "{}", state: .pending, late: false, decidedAt: fx.clock.now(), channels: ["hook"]),
        ], timers: nil))
        let d = Dispatcher(store: fx.store, registry: fx.registry, clock: fx.clock, retry: RetryPolicy(maxAttempts: 3, base: TimeSpan(seconds: 5)),
                           logger: fx.logger)
        for _ in 0..<3 {
            let due = try await d.claimDue()
            XCTAssertEqual(due.count, 1)
            for x in due { await d.attempt(x) }
            fx.clock.advance(by: TimeSpan(seconds: 60))
        }
        let none = try await d.claimDue()
        XCTAssertEqual(none.count, 0)
        let dead = try fx.store.deadLetters(limit: 10)
        XCTAssertEqual(dead.map(\.attempts), [3])
        XCTAssertEqual(try fx.store.actionCounts()[.dead], 1)
    }

    /// A read of due deliveries can predate the record of an attempt that was in flight: such a
    /// row is not claimed again, even once its attempt has ended, so it is not sent twice.
    func testARowInFlightWhenTheReadBeganIsNotClaimedAgain() throws {
        let fx = try DaemonFixture()
        let d = fx.dispatcher()
        let row = DeliveryRecord(actionID: "fixture/1-r-notify-1", campaign: "fixture", channel: "log", state: .pending, attempts: 0,
                                 nextAttemptAt: fx.clock.now(), lastError: nil, dueAt: fx.clock.now(), payload: "{}")
        XCTAssertEqual(d.claim([row], inFlightBefore: [Dispatcher.key(row)]).count, 0)
        XCTAssertEqual(d.claim([row], inFlightBefore: []).map(\.actionID), [row.actionID])
        XCTAssertEqual(d.claim([row], inFlightBefore: []).count, 0, "claimed once, it is in flight")
    }

    func testRetryBackoffDoubles() {
        let p = RetryPolicy(maxAttempts: 4, base: TimeSpan(seconds: 1), cap: TimeSpan(seconds: 3))
        let now = Instant(seconds: 100)
        XCTAssertEqual(p.nextAttempt(after: 1, now: now), Instant(seconds: 101))
        XCTAssertEqual(p.nextAttempt(after: 2, now: now), Instant(seconds: 102))
        XCTAssertEqual(p.nextAttempt(after: 3, now: now), Instant(seconds: 103))
        XCTAssertNil(p.nextAttempt(after: 4, now: now))
    }

    func testACommandThatHangsIsStoppedAtItsTimeout() async throws {
        let started = Date()
        do {
            try await CommandChannel(argv: ["/bin/sleep", "30"], workingDirectory: "/", timeoutSeconds: 1).deliver(id: "x", payload: "{}")
            XCTFail("a command stopped at its timeout did not confirm")
        } catch let f as DeliveryFailure {
            XCTAssertTrue(f.description.contains("did not finish within 1s"), f.description)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testACommandGetsTheActionOnStdinAndExitZeroConfirms() async throws {
        let fx = try DaemonFixture()
        let out = fx.folder.appendingPathComponent("got.json").path
        try await CommandChannel(argv: ["/bin/sh", "-c", "cat > \(out)"], workingDirectory: fx.folder.path, timeoutSeconds: 5)
            .deliver(id: "x", payload: #"{"id":"x"}"#)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "{\"id\":\"x\"}\n")
        do {
            try await CommandChannel(argv: ["/bin/sh", "-c", "exit 3"], workingDirectory: "/", timeoutSeconds: 5).deliver(id: "x", payload: "{}")
            XCTFail("exit 3 does not confirm")
        } catch let f as DeliveryFailure {
            XCTAssertTrue(f.description.contains("status 3"))
        }
    }
}
