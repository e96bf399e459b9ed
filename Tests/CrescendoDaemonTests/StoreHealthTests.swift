import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import XCTest

/// What the API answers while the ledger database is lost, and after it answers again.
/// (`scripts/db-faults.py` stops a real PostgreSQL under a running daemon.)
final class StoreHealthTests: XCTestCase {
    static let lost = StoreError.unavailable(path: "postgres://keeper@127.0.0.1:5432/care", reason: "connection refused")

    func testOnlyAnUnreachableDatabaseMarksItLostAndTheFirstAnswerMarksItBack() {
        let health = StoreHealth()
        XCTAssertFalse(health.note(StoreError.busy(path: "x"), at: Instant(seconds: 5)))
        XCTAssertFalse(health.noteRound(APIError(.badRequest, "no"), at: Instant(seconds: 6)))
        XCTAssertEqual(health.current, .up)
        XCTAssertTrue(health.noteRound(Self.lost, at: Instant(seconds: 7)))
        XCTAssertFalse(health.note(Self.lost, at: Instant(seconds: 9)), "lost once, since the first failure")
        XCTAssertEqual(health.current, .lost(since: Instant(seconds: 7), reason: Self.lost.description))
        XCTAssertTrue(health.noteReachable(at: Instant(seconds: 12)))
        XCTAssertFalse(health.noteReachable(at: Instant(seconds: 13)))
        XCTAssertEqual(health.current, .up)
    }

    func testWhileTheDatabaseIsLostWritesAre503AtOnceAndHealthAndStatusSaySo() async throws {
        let fx = try DaemonFixture()
        let health = StoreHealth()
        let tokens = try fx.roleTokens()
        let app = Application(router: fx.api(health: health).router())
        try await app.test(.router) { client in
            health.note(Self.lost, at: fx.clock.now())
            let refusal = #"{"error":"cannot reach the ledger database postgres://keeper@127.0.0.1:5432/care: connection refused; nothing was recorded, try again shortly (with the same Idempotency-Key, a retry is safe)"}"#
            for token in [APITests.token, tokens[.recorder]!, tokens[.organizer]!, nil] as [String?] {
                for path in ["/api/entries", "/api/responses", "/api/indicators", "/api/reload"] {
                    try await client.execute(uri: path, method: .post, headers: Self.headers(token), body: ByteBuffer(string: #"{"kind":"masks"}"#)) { r in
                        XCTAssertEqual(r.status, .serviceUnavailable, path)
                        XCTAssertEqual(r.headers[.retryAfter], "5", path)
                        XCTAssertEqual(String(buffer: r.body), refusal, path)
                    }
                }
            }
            XCTAssertEqual(try fx.store.head().count, 0, "nothing was recorded")
            try await client.execute(uri: "/healthz", method: .get) { r in
                XCTAssertEqual(r.status, .serviceUnavailable)
                XCTAssertEqual(String(buffer: r.body), #"{"status":"unavailable","database":"\#(Self.lost.description)","since":"2026-03-01T08:00:00Z"}"#)
            }
            let (status, body) = try await get(client, "/api/status")
            XCTAssertEqual(status, .ok)
            let json = try XCTUnwrap(JSONValue.parse(Data(body.utf8)))
            XCTAssertTrue(body.contains(#","database":{"state":"unavailable","error":"\#(Self.lost.description)","since":"2026-03-01T08:00:00Z"},"#), body)
            XCTAssertEqual(json["actions"], .null)
            XCTAssertEqual(json["channels"], .null)
            XCTAssertEqual(json["dead_letters"], .null)
            // Reads that need no database still need their role.
            let (anonymous, _) = try await get(client, "/api/status", token: nil)
            XCTAssertEqual(anonymous, .unauthorized)
            let (recorder, _) = try await get(client, "/api/status", token: tokens[.recorder])
            XCTAssertEqual(recorder, .forbidden)

            health.noteReachable(at: fx.clock.now())
            let (written, _) = try await post(client, "/api/entries", #"{"kind":"masks"}"#, token: tokens[.recorder])
            XCTAssertEqual(written, .created)
            let (healthy, healthBody) = try await get(client, "/healthz", token: nil)
            XCTAssertEqual(healthy, .ok)
            XCTAssertEqual(healthBody, #"{"status":"ok"}"#)
            let (_, statusBody) = try await get(client, "/api/status")
            XCTAssertTrue(statusBody.contains(#","database":{"state":"ok"},"campaigns":"#), statusBody)
        }
    }

    func testStoreErrorsARequestMeetsAre503InTheirOwnWordsAndOthersStay500() async throws {
        struct Odd: Error {}
        let health = StoreHealth()
        let router = Router()
        router.add(middleware: StoreAvailability(health: health, clock: ManualClock(Instant(seconds: 60)), logger: Logger(label: "test")))
        router.get("/api/busy") { _, _ -> String in throw StoreError.busy(path: "care.sqlite") }
        router.get("/api/odd") { _, _ -> String in throw Odd() }
        router.get("/api/gone") { _, _ -> String in throw Self.lost }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/api/busy", method: .get) { r in
                XCTAssertEqual(r.status, .serviceUnavailable)
                XCTAssertEqual(String(buffer: r.body), #"{"error":"care.sqlite stayed locked by another writer for more than 5 seconds; nothing was recorded; try again shortly (with the same Idempotency-Key, a retry is safe)"}"#)
            }
            XCTAssertEqual(health.current, .up, "a busy store is not a lost one")
            try await client.execute(uri: "/api/odd", method: .get) { r in XCTAssertEqual(r.status, .internalServerError) }
            try await client.execute(uri: "/api/gone", method: .get) { r in XCTAssertEqual(r.status, .serviceUnavailable) }
            XCTAssertEqual(health.current, .lost(since: Instant(seconds: 60), reason: Self.lost.description))
        }
    }

    func testWhileTheDatabaseIsLostTheLastSiteBuiltIsServedWithoutAskingTheStore() async throws {
        let fx = try DaemonFixture()
        let health = StoreHealth()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock, servesStale: true, health: health)
        try await fx.post(["2026-02-01T10:00:00Z"])
        let first = try await cache.file("/")
        let before = try XCTUnwrap(first).bytes
        XCTAssertTrue(String(decoding: before, as: UTF8.self).contains(LiveSiteTests.chainCount(1)))
        health.note(Self.lost, at: fx.clock.now())
        try await fx.post(["2026-02-02T10:00:00Z"])
        let second = try await cache.file("/")
        let during = try XCTUnwrap(second).bytes
        XCTAssertEqual(during, before, "the store is not asked for its version while the database is lost")
        await cache.caughtUp()
        var builds = await cache.builds
        XCTAssertEqual(builds, 1, "no build is started while the database is lost")
        health.noteReachable(at: fx.clock.now())
        _ = try await cache.file("/")
        await cache.caughtUp()
        let third = try await cache.file("/")
        let after = try XCTUnwrap(third).bytes
        XCTAssertTrue(String(decoding: after, as: UTF8.self).contains(LiveSiteTests.chainCount(2)))
        builds = await cache.builds
        XCTAssertEqual(builds, 2)
    }

    /// The lease service asks the store on every daemon, judging or not (on SQLite a new owner
    /// takes the lease at once; on PostgreSQL a follower's answer is a refusal, which counts the same).
    func testALeaseAnswerMarksTheDatabaseBack() async throws {
        let fx = try DaemonFixture()
        let health = StoreHealth()
        let service = LeaseService(store: fx.store, registry: fx.registry, book: LeaseBook(owner: "d1", options: FederationOptions()),
                                   logger: fx.logger, health: health, clock: fx.clock)
        health.note(Self.lost, at: fx.clock.now())
        await service.refresh(["fixture"])
        XCTAssertEqual(health.current, .up)
    }

    private static func headers(_ token: String?) -> HTTPFields {
        var h: HTTPFields = [.contentType: "application/json"]
        if let token { h[.authorization] = "Bearer \(token)" }
        return h
    }
}
