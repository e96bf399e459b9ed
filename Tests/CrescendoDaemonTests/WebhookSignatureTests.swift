import CrescendoCore
@testable import CrescendoDaemon
import CrescendoTestSupport
import Foundation
import XCTest

/// Signed webhooks, checked by the independent Standard Webhooks verifier (`standardwebhooks`
/// on PyPI, run by scripts/webhook-receiver.py on loopback).
final class WebhookSignatureTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/webhook-receiver.py").path

    /// Starts the receiver for `requests` POSTs; its URL and the process (whose output is one JSON line per request).
    func receiver(secret: String, raw: Bool, requests: Int, in folder: ScratchFolder) throws -> (String, Process, Pipe) {
        let portFile = folder.path("port")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.script, "--secret", secret, "--port-file", portFile, "--requests", "\(requests)", "--seconds", "30"]
            + (raw ? ["--raw"] : [])
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let port = try? String(contentsOfFile: portFile, encoding: .utf8), !port.isEmpty { return ("http://127.0.0.1:\(port)/hook", p, out) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        p.terminate()
        throw DeliveryFailure("the webhook receiver did not start (is the standardwebhooks package installed? make deps installs it)")
    }

    func testTheStandardWebhooksVerifierAcceptsTheSignature() async throws {
        let folder = try ScratchFolder("webhook")
        let secret = "whsec_" + Data((0..<24).map { UInt8($0 * 7 % 256) }).base64EncodedString()
        let (url, process, out) = try receiver(secret: secret, raw: false, requests: 3, in: folder)
        let payload = #"{"id":"c/1-r-notify-1","at":"2026-03-01T08:00:00Z","text":"ünïcode ✓"}"#
        let good = WebhookChannel(url: url, timeoutSeconds: 5, signing: .signed(try XCTUnwrap(WebhookSigner(secret: secret))))
        try await good.deliver(id: "c/1-r-notify-1", payload: payload)
        let wrong = WebhookChannel(url: url, timeoutSeconds: 5, signing: .signed(try XCTUnwrap(WebhookSigner(secret: "whsec_" + Data([1, 2, 3]).base64EncodedString()))))
        do { try await wrong.deliver(id: "c/2-r-notify-1", payload: payload); XCTFail("a wrong key must not verify") } catch let e as DeliveryFailure {
            XCTAssertEqual(e.description, "POST \(url): HTTP 400")
        }
        let unsigned = WebhookChannel(url: url, timeoutSeconds: 5)
        do { try await unsigned.deliver(id: "c/3-r-notify-1", payload: payload); XCTFail("no headers must not verify") } catch {}
        process.waitUntilExit()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), #"{"status": 204, "message": "verified", "id": "c/1-r-notify-1", "key": "c/1-r-notify-1"}"#)
        XCTAssertEqual(lines.count, 3)
    }

    func testAPlainSecretIsKeyedWithItsBytes() async throws {
        let folder = try ScratchFolder("webhook")
        let (url, process, out) = try receiver(secret: "plain s3cret, not base64!", raw: true, requests: 1, in: folder)
        let channel = WebhookChannel(url: url, timeoutSeconds: 5, signing: .signed(try XCTUnwrap(WebhookSigner(secret: "plain s3cret, not base64!"))))
        try await channel.deliver(id: "c/9-r-notify-1", payload: "{}")
        process.waitUntilExit()
        XCTAssertTrue(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains(#""status": 204"#))
    }

    func testTheSignatureIsHMACOverIdTimestampAndBody() throws {
        // Standard Webhooks' published example: this secret, id, timestamp and body give this signature.
        let signer = try XCTUnwrap(WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let headers = signer.headers(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: #"{"test": 2432232314}"#)
        XCTAssertEqual(headers.map(\.0), ["webhook-id", "webhook-timestamp", "webhook-signature"])
        XCTAssertEqual(headers[2].1, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        XCTAssertNil(WebhookSigner(secret: ""))
        XCTAssertNil(WebhookSigner(secret: "whsec_"))
    }

    func testAMissingSecretStopsTheDaemonAtStartAndNothingGoesOutUnsigned() async throws {
        let fx = try DaemonFixture()
        let text = DaemonFixture.campaignText.replacingOccurrences(of: "ON_MISSED", with: "")
            .replacingOccurrences(of: #"hook: { type: webhook, url: "http://127.0.0.1:9/hook", timeout: 1s }"#,
                                  with: #"hook: { type: webhook, url: "http://127.0.0.1:9/hook", timeout: 1s, secret_env: FIXTURE_HOOK_SECRET }"#)
        try text.write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertTrue(fx.registry.reload(at: fx.clock.now()))
        let without = ChannelFactory(environment: [:])
        XCTAssertEqual(without.missingSecrets(fx.registry.campaigns),
                       ["channel hook of campaign fixture: secret_env FIXTURE_HOOK_SECRET is not set in the daemon's environment (or is empty)"])
        XCTAssertEqual(ChannelFactory(environment: ["FIXTURE_HOOK_SECRET": "s"]).missingSecrets(fx.registry.campaigns), [])
        let channel = try XCTUnwrap(fx.registry.campaigns.first?.campaign.channels.first { $0.id == "hook" })
        let made = without.make(channel, for: fx.registry.primary)
        do { try await made.deliver(id: "x", payload: "{}"); XCTFail("unsigned delivery") } catch let e as DeliveryFailure {
            XCTAssertTrue(e.description.hasPrefix("not sent: secret_env FIXTURE_HOOK_SECRET is not set"), e.description)
        }
    }
}
