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
        try await withAPI(scheduler: nil) { client, fx, _ in try await body(client, fx) }
    }

    /// The same with the API's scheduler, for tests that step it; `campaign` replaces the
    /// fixture's campaign file (reloaded) when given.
    func withAPI(scheduler: Scheduler?, campaign: String? = nil,
                 _ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, Scheduler) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        if let campaign {
            try campaign.write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
            XCTAssertTrue(fx.registry.reload(at: fx.clock.now()))
        }
        let scheduler = scheduler ?? fx.scheduler()
        let app = Application(router: fx.api(scheduler: scheduler).router())
        try await app.test(.router) { client in try await body(client, fx, scheduler) }
    }

    func testWritesNeedTheToken() async throws {
        try await withAPI { client, fx in
            for path in ["/api/entries", "/api/responses", "/api/indicators", "/api/reload"] {
                let (missing, none) = try await post(client, path, #"{"kind":"masks"}"#, token: nil)
                XCTAssertEqual(missing, .unauthorized, path)
                XCTAssertEqual(none, #"{"error":"this needs a token: send Authorization: Bearer TOKEN (crescendo token add makes one)"}"#, path)
                let (wrong, body) = try await post(client, path, #"{"kind":"masks"}"#, token: "nope")
                XCTAssertEqual(wrong, .unauthorized, path)
                XCTAssertEqual(body, #"{"error":"the token is not known: check it was copied whole, or ask an admin for one"}"#, path)
            }
            XCTAssertEqual(try fx.store.head().count, 0)
            let (health, _) = try await get(client, "/healthz", token: nil)
            XCTAssertEqual(health, .ok)
        }
    }

    func testABodyOverOneMebibyteIs413() async throws {
        try await withAPI { client, _ in
            let big = "[" + Array(repeating: #"{"kind":"masks","care":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#, count: 20_000).joined(separator: ",") + "]"
            let (status, body) = try await post(client, "/api/entries", big)
            XCTAssertEqual(status, .contentTooLarge)
            XCTAssertEqual(body, #"{"error":"the body is over 1048576 bytes; send smaller batches"}"#)
        }
    }

    func testMalformedJSONIs400() async throws {
        try await withAPI { client, _ in
            let (status, body) = try await post(client, "/api/entries", #"{"kind": "masks""#)
            XCTAssertEqual(status, .badRequest)
            XCTAssertEqual(body, #"{"error":"the body is not valid JSON"}"#)
        }
    }

    func testValidationErrorsAre422NamingTheField() async throws {
        try await withAPI { client, _ in
            // Kind, demand and area are checked by Campaign.problem(with:), as `ledger add` checks them.
            let cases: [(String, String)] = [
                (#"{"kind":"bananas"}"#, #"{"error":"unknown kind \"bananas\" (declared metrics: masks)","field":"kind"}"#),
                (#"{"kind":"masks","area":"zz"}"#, #"{"error":"undeclared area \"zz\" (declared areas: a01)","field":"area"}"#),
                (#"{"kind":"masks","demand":"nope"}"#, #"{"error":"undeclared demand \"nope\" (declared demands: psl)","field":"demand"}"#),
                (#"{"kind":"masks","quantity":-2}"#, #"{"error":"quantity must not be negative","field":"quantity"}"#),
                (#"{"kind":"masks","quantity":true}"#, #"{"error":"quantity must be a number","field":"quantity"}"#),
                (#"{"kind":7}"#, #"{"error":"kind must be a string","field":"kind"}"#),
                (#"{"kind":"masks","at":"yesterday"}"#,
                 #"{"error":"at \"yesterday\" is not a date or date-time (2027-01-04T09:00, with an optional offset)","field":"at"}"#),
                (#"{"quantity":1}"#, #"{"error":"kind is required","field":"kind"}"#),
                (#"[]"#, #"{"error":"the batch is empty"}"#),
                (#"7"#, #"{"error":"the body must be a JSON object or an array of objects"}"#),
            ]
            for (body, expected) in cases {
                let (status, text) = try await post(client, "/api/entries", body)
                XCTAssertEqual(status, .unprocessableContent, body)
                XCTAssertEqual(text, expected, body)
            }
        }
    }

    func testABatchWithOneBadEntryIsRejectedWhole() async throws {
        try await withAPI { client, fx in
            let (status, text) = try await post(client, "/api/entries", #"[{"kind":"masks"},{"kind":"masks"},{"kind":"masks","quantity":-1}]"#)
            XCTAssertEqual(status, .unprocessableContent)
            XCTAssertEqual(text, #"{"error":"quantity must not be negative","field":"quantity","index":2}"#)
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
            // Fields and order as docs/daemon.md lists them (`StoredEntry.json`, shared with `ledger list`).
            XCTAssertEqual(listed, #"{"entries":[{"seq":2,"at":"2026-02-01T10:00:00Z","kind":"masks","quantity":1,"area":null,"#
                           + #""demand":null,"care":null,"cause":null,"change":null,"recorded_at":"2026-03-01T08:00:00Z","#
                           + #""hash":"41df1888792c2a549125d462c606e01f6201596e731f473b76e30b092ef962ca"}]}"#)
        }
    }

    func testResponsesAndIndicatorsAreCheckedAndRecorded() async throws {
        try await withAPI { client, fx in
            let (bad, text) = try await post(client, "/api/indicators", #"{"name":"wind","value":3}"#)
            XCTAssertEqual(bad, .unprocessableContent)
            XCTAssertEqual(text, #"{"error":"undeclared indicator \"wind\" (declared: rate)","field":"name"}"#)
            let (badValue, valueText) = try await post(client, "/api/indicators", #"{"name":"rate","value":"high"}"#)
            XCTAssertEqual(badValue, .unprocessableContent)
            XCTAssertEqual(valueText, #"{"error":"value must be a number","field":"value"}"#)
            let (ok, okText) = try await post(client, "/api/indicators", #"[{"name":"rate","value":9.5},{"name":"rate","value":4}]"#)
            XCTAssertEqual(ok, .created)
            XCTAssertEqual(okText, #"{"recorded":2}"#)
            XCTAssertEqual(try fx.store.indicatorSamples().map(\.value), [9.5, 4])
            let (badDeadline, deadlineText) = try await post(client, "/api/responses", #"{"deadline":0,"text":"no"}"#)
            XCTAssertEqual(badDeadline, .unprocessableContent)
            XCTAssertEqual(deadlineText, #"{"error":"deadline must be a deadline number, 1 or more","field":"deadline"}"#)
        }
    }

    /// The fixture's campaign with a briefing every 2 entries (deadline due a day later).
    static let briefingCampaign = DaemonFixture.campaignText.replacingOccurrences(of: "ON_MISSED", with: "on_missed: fire_once") + """

          - id: brief
            when: { every: 2 }
            do:
              - briefing: { demand: psl, deadline: 1d }
        """

    /// Responses take the path `crescendo respond` takes: the engine judges them, and a batch is
    /// recorded whole or not at all.
    func testResponsesAreJudgedByTheEngine() async throws {
        try await withAPI(scheduler: nil, campaign: Self.briefingCampaign) { client, fx, _ in
            // Deadline 1 opens at 07:00 (the second entry), due 2026-03-02 07:00; the clock says 08:00.
            let (created, _) = try await post(client, "/api/entries", #"[{"kind":"masks","at":"2026-03-01T06:00"},{"kind":"masks","at":"2026-03-01T07:00"}]"#)
            XCTAssertEqual(created, .created)
            let (never, neverText) = try await post(client, "/api/responses", #"{"deadline":2,"text":"no"}"#)
            XCTAssertEqual(never, .unprocessableContent)
            XCTAssertEqual(neverText, #"{"error":"deadline 2 was never opened: as of 2026-03-01 08:00 only deadline 1 had been opened; nothing was recorded","field":"deadline"}"#)
            let (twice, twiceText) = try await post(client, "/api/responses", #"[{"deadline":1,"text":"yes"},{"deadline":1,"text":"yes again"}]"#)
            XCTAssertEqual(twice, .conflict)
            XCTAssertEqual(twiceText, #"{"error":"deadline 1 was already answered at 2026-03-01 08:00; a deadline takes one response, so nothing was recorded","field":"deadline","index":1}"#)
            XCTAssertEqual(try fx.store.responses(), [], "a refused batch records nothing")

            let (answered, answeredText) = try await post(client, "/api/responses", #"{"deadline":1,"text":"We will table a bill","win":"partial"}"#)
            XCTAssertEqual(answered, .created)
            XCTAssertEqual(answeredText, #"{"recorded":1,"responses":[{"deadline":1,"answered":"in_time"}]}"#)
            XCTAssertEqual(try fx.store.responses().map(\.win), [.partial])
            let (again, _) = try await post(client, "/api/responses", #"{"deadline":1,"text":"Still yes"}"#)
            XCTAssertEqual(again, .conflict)

            // Deadline 2 opens at 07:30, due 2026-03-02 07:30; answered two days on, it is late.
            _ = try await post(client, "/api/entries", #"[{"kind":"masks","at":"2026-03-01T07:20"},{"kind":"masks","at":"2026-03-01T07:30"}]"#)
            fx.clock.advance(by: .days(2))
            let (late, lateText) = try await post(client, "/api/responses", #"{"deadline":2,"text":"Soon"}"#)
            XCTAssertEqual(late, .created)
            XCTAssertEqual(lateText, #"{"recorded":1,"responses":[{"deadline":2,"answered":"late"}]}"#)
            XCTAssertEqual(try fx.store.responses().map(\.deadline), [1, 2])
        }
    }

    /// `/api/actions` shows each action under its id, with the fields in the documented order
    /// and the action's own JSON as the channels receive it.
    func testActionsKeepTheirIdsAndKeyOrder() async throws {
        try await withAPI(scheduler: nil) { client, fx, scheduler in
            _ = try await post(client, "/api/entries", #"[{"kind":"masks","at":"2026-03-01T07:00"},{"kind":"masks","at":"2026-03-01T07:10"},{"kind":"masks","at":"2026-03-01T07:20"}]"#)
            _ = try await scheduler.step()  // the first start: what came due before it is late
            fx.clock.set(DaemonFixture.t("2026-03-01T09:00:01Z"))
            _ = try await scheduler.step()
            try await fx.dispatcher().drain()
            let (status, body) = try await get(client, "/api/actions?since=2026-03-01")
            XCTAssertEqual(status, .ok)
            let first = #"{"id":"fixture/1772349600-every-3-notify-1","at":"2026-03-01T07:20:00Z","rule":"every-3","action":"notify","channel":"log","text":"three more","late":true,"seq":3,"because":"entry 3 reached every 3 entries"}"#
            let second = #"{"id":"fixture/1772355600-daily-notify-1","at":"2026-03-01T09:00:00Z","rule":"daily","action":"notify","channel":"log","text":"good morning","because":"scheduled every day at 09:00"}"#
            XCTAssertEqual(body, #"{"actions":["#
                + #"{"id":"fixture/1772349600-every-3-notify-1","campaign":"fixture","state":"delivered","due":"2026-03-01T07:20:00Z","late":true,"attempts":1,"channels":["log"],"delivered_at":"2026-03-01T09:00:01Z","action":"# + first + "},"
                + #"{"id":"fixture/1772355600-daily-notify-1","campaign":"fixture","state":"delivered","due":"2026-03-01T09:00:00Z","late":false,"attempts":1,"channels":["log"],"delivered_at":"2026-03-01T09:00:01Z","action":"# + second + "}]}")
            // The action under `"action"` is, byte for byte, what the file channel received.
            // (The file also has the catch-up of 2026-02-28 09:00, due before `since`.)
            XCTAssertEqual(fx.fileLines().count, 3)
            // (Deliveries run concurrently, so the file's order is not the actions' order.)
            XCTAssertTrue(Set(fx.fileLines()).isSuperset(of: [first, second]), "\(fx.fileLines())")
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

/// GETs a path, with the token when given; the status and body text.
func get(_ client: any TestClientProtocol, _ path: String, token: String? = APITests.token) async throws -> (HTTPResponse.Status, String) {
    var headers: HTTPFields = [:]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await client.execute(uri: path, method: .get, headers: headers) { r in (r.status, String(buffer: r.body)) }
}
