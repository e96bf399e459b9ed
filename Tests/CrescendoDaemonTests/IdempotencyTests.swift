import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// `Idempotency-Key` on the three POST routes: a retry replays, a reused key is 422, a key in
/// flight is 409, keys are scoped to the token, and concurrent retries write once.
final class IdempotencyTests: XCTestCase {
    func withKeys(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, DaemonAPI, [Role: String]) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        let tokens = try fx.roleTokens()
        let api = fx.api()
        let app = Application(router: api.router())
        try await app.test(.router) { client in try await body(client, fx, api, tokens) }
    }

    static func send(_ client: any TestClientProtocol, _ path: String, _ body: String, key: String?, token: String?) async throws -> (UInt, String, String?) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[DaemonAPI.idempotencyHeader] = key }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) { r in
            (UInt(r.status.code), String(buffer: r.body), r.headers[DaemonAPI.replayedHeader])
        }
    }

    func testTheSameKeyAndBodyReplaysTheFirstResponseAndWritesNothing() async throws {
        try await withKeys { client, fx, _, tokens in
            let body = #"[{"kind":"masks"},{"kind":"masks","care":"call 416-555-0199"}]"#
            let first = try await Self.send(client, "/api/entries", body, key: "retry-1", token: tokens[.recorder])
            let again = try await Self.send(client, "/api/entries", body, key: "retry-1", token: tokens[.recorder])
            XCTAssertEqual(first.0, 201)
            XCTAssertEqual(again.0, 201)
            XCTAssertEqual(again.1, first.1)
            XCTAssertTrue(first.1.contains(#""seq":1"#) && first.1.contains(#""seq":2"#), first.1)
            XCTAssertEqual([first.2, again.2], [nil, "true"])
            XCTAssertEqual(try fx.store.head().count, 2)

            let other = try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: "retry-1", token: tokens[.recorder])
            XCTAssertEqual(other.0, 422)
            XCTAssertEqual(other.1, #"{"error":"this Idempotency-Key was used for a different request; use a new key for a new request","field":"Idempotency-Key"}"#)
            // Scoped to the token: another person's same key is a new request.
            let theirs = try await Self.send(client, "/api/entries", body, key: "retry-1", token: tokens[.organizer])
            XCTAssertEqual(theirs.0, 201)
            XCTAssertTrue(theirs.1.contains(#""seq":3"#), theirs.1)
            XCTAssertEqual(try fx.store.head().count, 4)
            // A refused first request claims nothing: the key is free once the body is right.
            let refused = try await Self.send(client, "/api/entries", #"{"kind":"bananas"}"#, key: "retry-2", token: tokens[.recorder])
            XCTAssertEqual(refused.0, 422)
            let fixed = try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: "retry-2", token: tokens[.recorder])
            XCTAssertEqual(fixed.0, 201)
        }
    }

    func testResponsesAndIndicatorsReplayToo() async throws {
        try await withKeys { client, fx, _, tokens in
            let organizer = tokens[.organizer]
            let first = try await Self.send(client, "/api/indicators", #"{"name":"rate","value":3}"#, key: "i-1", token: organizer)
            let again = try await Self.send(client, "/api/indicators", #"{"name":"rate","value":3}"#, key: "i-1", token: organizer)
            XCTAssertEqual([first.0, again.0], [201, 201])
            XCTAssertEqual(again.1, #"{"recorded":1}"#)
            XCTAssertEqual(try fx.store.indicatorSamples().count, 1)
            // Same key on another route is another request.
            let elsewhere = try await Self.send(client, "/api/responses", #"{"name":"rate","value":3}"#, key: "i-1", token: organizer)
            XCTAssertEqual(elsewhere.0, 422)
            XCTAssertTrue(elsewhere.1.contains("Idempotency-Key"), elsewhere.1)
        }
    }

    func testAKeyStillBeingWrittenIs409() async throws {
        try await withKeys { client, _, api, tokens in
            let held = IdempotencyClaim(scope: "recorder", key: "busy", fingerprint: "")
            let entered = await api.gate.enter(held)
            XCTAssertTrue(entered)
            let busy = try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: "busy", token: tokens[.recorder])
            XCTAssertEqual(busy.0, 409)
            XCTAssertEqual(busy.1, #"{"error":"a request with this Idempotency-Key is still being recorded; retry it in a moment","field":"Idempotency-Key"}"#)
            await api.gate.leave(held)
            let free = try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: "busy", token: tokens[.recorder])
            XCTAssertEqual(free.0, 201)
        }
    }

    func testConcurrentRetriesOfOneKeyWriteOnce() async throws {
        try await withKeys { client, fx, _, tokens in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: "storm", token: tokens[.recorder]).0 }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            XCTAssertEqual(try fx.store.head().count, 1)
            XCTAssertTrue(statuses.allSatisfy { $0 == 201 || $0 == 409 }, "\(statuses)")
            XCTAssertTrue(statuses.contains(201))
        }
    }

    func testABadKeyIs422() async throws {
        try await withKeys { client, fx, _, tokens in
            for key in ["", String(repeating: "k", count: 256), "tab\tkey"] {
                let r = try await Self.send(client, "/api/entries", #"{"kind":"masks"}"#, key: key, token: tokens[.recorder])
                XCTAssertEqual(r.0, 422, key)
                XCTAssertEqual(r.1, #"{"error":"Idempotency-Key must be 1 to 255 printable ASCII characters","field":"Idempotency-Key"}"#)
            }
            XCTAssertEqual(try fx.store.head().count, 0)
        }
    }
}
