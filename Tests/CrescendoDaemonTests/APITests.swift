import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

final class APITests: XCTestCase {
    static let token = "s3cret"

    func withAPI(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        let api = DaemonAPI(store: fx.store, registry: fx.registry, scheduler: fx.scheduler(),
                            ingest: IngestQueue(store: fx.store, clock: fx.clock), clock: fx.clock,
                            metrics: DaemonMetrics(), token: Self.token, reload: { fx.registry.reload(at: fx.clock.now()) })
        let app = Application(router: api.router())
        try await app.test(.router) { client in try await body(client, fx) }
    }

    func testWritesNeedTheToken() async throws {
        try await withAPI { client, fx in
            let (missing, _) = try await post(client, "/api/entries", #"{"kind":"masks"}"#, token: nil)
            XCTAssertEqual(missing, .unauthorized)
            let (wrong, body) = try await post(client, "/api/entries", #"{"kind":"masks"}"#, token: "nope")
            XCTAssertEqual(wrong, .unauthorized)
            XCTAssertTrue(body.contains("\"error\""))
            XCTAssertEqual(try fx.store.head().count, 0)
            let (health, _) = try await get(client, "/healthz")
            XCTAssertEqual(health, .ok)
        }
    }

    func testABodyOverOneMebibyteIs413() async throws {
        try await withAPI { client, _ in
            let big = "[" + Array(repeating: #"{"kind":"masks","care":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#, count: 20_000).joined(separator: ",") + "]"
            let (status, _) = try await post(client, "/api/entries", big)
            XCTAssertEqual(status, .contentTooLarge)
        }
    }

    func testMalformedJSONIs400() async throws {
        try await withAPI { client, _ in
            let (status, body) = try await post(client, "/api/entries", #"{"kind": "masks""#)
            XCTAssertEqual(status, .badRequest)
            XCTAssertTrue(body.contains("not valid JSON"))
        }
    }

    func testValidationErrorsAre422NamingTheField() async throws {
        try await withAPI { client, _ in
            let cases: [(String, String)] = [
                (#"{"kind":"bananas"}"#, "kind"),
                (#"{"kind":"masks","area":"zz"}"#, "area"),
                (#"{"kind":"masks","demand":"nope"}"#, "demand"),
                (#"{"kind":"masks","quantity":-2}"#, "quantity"),
                (#"{"kind":"masks","quantity":true}"#, "quantity"),
                (#"{"kind":7}"#, "kind"),
                (#"{"kind":"masks","at":"yesterday"}"#, "at"),
                (#"{"quantity":1}"#, "kind"),
            ]
            for (body, field) in cases {
                let (status, text) = try await post(client, "/api/entries", body)
                XCTAssertEqual(status, .unprocessableContent, body)
                XCTAssertTrue(text.contains("\"field\":\"\(field)\""), "\(body): \(text)")
            }
        }
    }

    func testABatchWithOneBadEntryIsRejectedWhole() async throws {
        try await withAPI { client, fx in
            let (status, text) = try await post(client, "/api/entries", #"[{"kind":"masks"},{"kind":"masks"},{"kind":"masks","quantity":-1}]"#)
            XCTAssertEqual(status, .unprocessableContent)
            XCTAssertTrue(text.contains("\"index\":2"))
            XCTAssertEqual(try fx.store.head().count, 0)
        }
    }

    func testAcknowledgedEntriesAreDurableAndListedAfterASeq() async throws {
        try await withAPI { client, fx in
            let (status, text) = try await post(client, "/api/entries",
                                                 #"[{"kind":"masks","quantity":3,"area":"a01","care":"call me at 416-555-0199"},{"kind":"masks","at":"2026-02-01T10:00"}]"#)
            XCTAssertEqual(status, .created)
            XCTAssertTrue(text.contains("\"seq\":1") && text.contains("\"seq\":2"), text)
            // Committed before the response: a fresh store on the same file sees them.
            let reopened = try SQLiteLedgerStore(path: fx.store.path)
            XCTAssertEqual(try reopened.head().count, 2)
            XCTAssertEqual(try reopened.entry(seq: 1)?.entry.care, "call me at [redacted]")
            let (_, listed) = try await get(client, "/api/ledger?after=1")
            XCTAssertTrue(listed.hasPrefix(#"{"entries":[{"seq":2,"at":"2026-02-01T10:00:00Z""#), listed)
            XCTAssertFalse(listed.contains("\"seq\":1,"))
        }
    }

    func testResponsesAndIndicatorsAreCheckedAndRecorded() async throws {
        try await withAPI { client, fx in
            let (bad, text) = try await post(client, "/api/indicators", #"{"name":"wind","value":3}"#)
            XCTAssertEqual(bad, .unprocessableContent)
            XCTAssertTrue(text.contains("\"field\":\"name\""), text)
            let (badValue, _) = try await post(client, "/api/indicators", #"{"name":"rate","value":"high"}"#)
            XCTAssertEqual(badValue, .unprocessableContent)
            let (ok, _) = try await post(client, "/api/indicators", #"[{"name":"rate","value":9.5},{"name":"rate","value":4}]"#)
            XCTAssertEqual(ok, .created)
            XCTAssertEqual(try fx.store.indicatorSamples().map(\.value), [9.5, 4])
            let (badDeadline, _) = try await post(client, "/api/responses", #"{"deadline":0,"text":"no"}"#)
            XCTAssertEqual(badDeadline, .unprocessableContent)
            let (answered, _) = try await post(client, "/api/responses", #"{"deadline":1,"text":"We will table a bill","win":"partial"}"#)
            XCTAssertEqual(answered, .created)
            XCTAssertEqual(try fx.store.responses().map(\.win), [.partial])
        }
    }

    func testStatusActionsAndMetrics() async throws {
        try await withAPI { client, fx in
            _ = try await post(client, "/api/entries", #"[{"kind":"masks"},{"kind":"masks"},{"kind":"masks"}]"#)
            let (st, status) = try await get(client, "/api/status")
            XCTAssertEqual(st, .ok)
            XCTAssertTrue(status.contains("\"campaigns\""), status)
            let (_, metrics) = try await get(client, "/metrics")
            XCTAssertTrue(metrics.contains("crescendo_entries_total 3"), metrics)
            let (_, actions) = try await get(client, "/api/actions?since=2026-01-01")
            XCTAssertTrue(actions.hasPrefix(#"{"actions":["#))
        }
    }

    func testAFailedReloadKeepsTheOldRulesAndShowsWhere() async throws {
        try await withAPI { client, fx in
            try "campaign: fixture\nrules: [".write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
            let (status, text) = try await post(client, "/api/reload", "")
            XCTAssertEqual(status, .unprocessableContent)
            XCTAssertTrue(text.contains("fixture.yaml:"), text)
            XCTAssertEqual(fx.registry.primary.campaign.rules.map(\.id), ["every-3", "daily"])
            let (_, st) = try await get(client, "/api/status")
            XCTAssertTrue(st.contains("\"reload_error\":{"), st)
        }
    }
}

/// POSTs a JSON body with the token; the status and body text.
func post(_ client: any TestClientProtocol, _ path: String, _ body: String, token: String? = APITests.token) async throws -> (HTTPResponse.Status, String) {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) { r in
        (r.status, String(buffer: r.body))
    }
}

/// GETs a path; the status and body text.
func get(_ client: any TestClientProtocol, _ path: String) async throws -> (HTTPResponse.Status, String) {
    try await client.execute(uri: path, method: .get) { r in (r.status, String(buffer: r.body)) }
}
