import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// Every route with every role and with no token; what 401 and 403 say; the audit of refusals.
final class AccessTests: XCTestCase {
    /// The API with a token per role (named after it), and the audit buffer.
    func withRoles(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, [Role: String], AccessLog) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        let tokens = try fx.roleTokens()
        let log = AccessLog()
        let app = Application(router: fx.api(log: log).router())
        try await app.test(.router) { client in try await body(client, fx, tokens, log) }
    }

    /// A body each route accepts (or judges on its merits) from a caller with the role.
    static let bodies: [String: String] = [
        "/api/entries": #"{"kind":"masks"}"#, "/api/responses": #"{"deadline":1,"text":"yes"}"#,
        "/api/indicators": #"{"name":"rate","value":2}"#, "/api/reload": "",
    ]

    static func request(_ client: any TestClientProtocol, _ method: String, _ path: String, token: String?) async throws -> (HTTPResponse.Status, String, HTTPFields) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let m: HTTPRequest.Method = method == "POST" ? .post : .get
        let body = method == "POST" ? ByteBuffer(string: Self.bodies[path] ?? "") : nil
        return try await client.execute(uri: path, method: m, headers: headers, body: body) { r in (r.status, String(buffer: r.body), r.headers) }
    }

    func testEveryRouteWithEveryRoleAndWithNoToken() async throws {
        try await withRoles { client, fx, tokens, log in
            for route in DaemonAPI.routes {
                let callers: [(String, String?, Role?)] = [("no token", nil, nil)] + Role.allCases.map { ($0.rawValue, tokens[$0], $0) }
                for (who, token, role) in callers {
                    let before = try fx.store.head().count
                    let path = route.path.replacingOccurrences(of: "{id}", with: "fixture%2F1")
                    let (status, text, headers) = try await Self.request(client, route.method, path, token: token)
                    let label = "\(route.method) \(route.path) as \(who)"
                    guard let needed = route.role else {
                        XCTAssertEqual(status, .ok, label)
                        continue
                    }
                    if role == nil {
                        XCTAssertEqual(status, .unauthorized, label)
                        XCTAssertEqual(headers[.wwwAuthenticate], "Bearer", label)
                        XCTAssertEqual(text, #"{"error":"this needs a token: send Authorization: Bearer TOKEN (crescendo token add makes one)"}"#, label)
                    } else if let role, role < needed {
                        XCTAssertEqual(status, .forbidden, label)
                        XCTAssertEqual(text, #"{"error":"this needs the \#(needed.rawValue) role (or one that includes it)","needs":"\#(needed.rawValue)"}"#, label)
                    } else {
                        // Let through: judged on its merits (a response to a deadline never opened is a 422).
                        // A retry of an action with no dead letter is a 404.
                        let expected: HTTPResponse.Status = route.path == "/api/responses" ? .unprocessableContent
                            : route.path.hasSuffix("/retry") ? .notFound
                            : route.method == "POST" && route.path != "/api/reload" ? .created : .ok
                        XCTAssertEqual(status, expected, "\(label): \(text)")
                        continue
                    }
                    XCTAssertEqual(try fx.store.head().count, before, "\(label) wrote nothing")
                }
            }
            XCTAssertEqual(try fx.store.indicatorSamples().count, 2, "organizer and admin recorded a sample each")
            // Every refusal has its audit line: who (when known), the route and the status.
            let refusals = log.take().filter { $0.outcome == 401 || $0.outcome == 403 }
            let expected401 = DaemonAPI.routes.filter { $0.role != nil }.count
            let expected403 = DaemonAPI.routes.compactMap(\.role).map { needed in Role.allCases.filter { $0 < needed }.count }.reduce(0, +)
            XCTAssertEqual(refusals.filter { $0.outcome == 401 }.count, expected401)
            XCTAssertEqual(refusals.filter { $0.outcome == 403 }.count, expected403)
            XCTAssertTrue(refusals.contains(AuditEvent(at: fx.clock.now(), who: "recorder", role: .recorder, what: "POST /api/reload", outcome: 403,
                                                       detail: "this needs the admin role (or one that includes it)")))
        }
    }

    func testUnknownRevokedExpiredAndMalformedTokensAre401OnAnyRoute() async throws {
        try await withRoles { client, fx, tokens, log in
            let expiring = TokenSecret.generate()
            try fx.store.addToken(TokenRecord(name: "brief", role: .admin, createdAt: fx.clock.now(),
                                              expiresAt: Instant(seconds: fx.clock.now().seconds + 60)), hash: TokenSecret.hash(expiring))
            try fx.store.revokeToken(name: "organizer", at: fx.clock.now())
            let (ok, _, _) = try await Self.request(client, "GET", "/api/status", token: expiring)
            XCTAssertEqual(ok, .ok)
            fx.clock.advance(by: TimeSpan(seconds: 60))
            let cases: [(String?, String)] = [
                (expiring, "the token has expired; ask an admin for a new one"),
                (tokens[.organizer], "the token was revoked; ask an admin for a new one"),
                ("cr_nope", "the token is not known: check it was copied whole, or ask an admin for one"),
            ]
            for path in ["/api/status", "/healthz", "/"] {
                for (token, message) in cases {
                    let (status, text, headers) = try await Self.request(client, "GET", path, token: token)
                    XCTAssertEqual(status, .unauthorized, path)
                    XCTAssertEqual(text, #"{"error":"\#(message)"}"#, path)
                    XCTAssertEqual(headers[.wwwAuthenticate], "Bearer")
                }
            }
            try await client.execute(uri: "/api/status", method: .get, headers: [.authorization: "Basic YTpi"]) { r in
                XCTAssertEqual(r.status, .unauthorized)
                XCTAssertEqual(String(buffer: r.body), #"{"error":"the Authorization header must be \"Bearer TOKEN\""}"#)
            }
            XCTAssertEqual(log.take().filter { $0.outcome == 401 }.count, 10)
        }
    }

    func testAnOrganizerReadsItsOwnAuditAndAnAdminReadsAll() async throws {
        try await withRoles { client, fx, tokens, log in
            for role in Role.allCases { _ = try await Self.request(client, "POST", "/api/entries", token: tokens[role]) }
            _ = try await Self.request(client, "POST", "/api/reload", token: tokens[.organizer])
            await AccessService(store: fx.store, log: log, tokens: fx.api().tokens, clock: fx.clock, logger: fx.logger).flush()
            let (own, ownText, _) = try await Self.request(client, "GET", "/api/audit", token: tokens[.organizer])
            XCTAssertEqual(own, .ok)
            XCTAssertEqual(ownText, #"{"audit":[{"id":2,"at":"2026-03-01T08:00:00Z","who":"organizer","role":"organizer","#
                           + #""what":"POST /api/entries","ids":"seq 2","outcome":201,"detail":null},"#
                           + #"{"id":4,"at":"2026-03-01T08:00:00Z","who":"organizer","role":"organizer","what":"POST /api/reload","#
                           + #""ids":"","outcome":403,"detail":"this needs the admin role (or one that includes it)"}],"next":4}"#)
            let (other, _, _) = try await Self.request(client, "GET", "/api/audit?who=admin", token: tokens[.organizer])
            XCTAssertEqual(other, .forbidden)
            let (all, allText, _) = try await Self.request(client, "GET", "/api/audit?limit=2", token: tokens[.admin])
            XCTAssertEqual(all, .ok)
            XCTAssertTrue(allText.contains(#""who":"recorder""#) && allText.hasSuffix(#""next":2}"#), allText)
            let (page, pageText, _) = try await Self.request(client, "GET", "/api/audit?after=3", token: tokens[.admin])
            XCTAssertEqual(page, .ok)
            XCTAssertTrue(pageText.hasPrefix(#"{"audit":[{"id":4,"#), pageText)
            let (bad, badText, _) = try await Self.request(client, "GET", "/api/audit?limit=0", token: tokens[.admin])
            XCTAssertEqual(bad, .badRequest)
            XCTAssertEqual(badText, #"{"error":"limit must be a whole number, 1 or more","field":"limit"}"#)
        }
    }

    func testLastUseIsRecordedByTheAccessServiceNotPerRequest() async throws {
        try await withRoles { client, fx, tokens, log in
            _ = try await Self.request(client, "GET", "/api/status", token: tokens[.admin])
            XCTAssertNil(try fx.store.tokens().first { $0.name == "admin" }?.lastUsedAt, "no write per request")
            let api = fx.api(log: log)
            // The fixture's API has its own token book; this one noted the use above only if it is the same.
            _ = try await api.tokens.caller(token: tokens[.admin]!, now: fx.clock.now())
            await AccessService(store: fx.store, log: log, tokens: api.tokens, clock: fx.clock, logger: fx.logger).flush()
            XCTAssertEqual(try fx.store.tokens().first { $0.name == "admin" }?.lastUsedAt, fx.clock.now())
        }
    }

    func testAuditLinesThatCannotBeWrittenWaitInOrderUpToALimit() {
        let log = AccessLog()
        let line = { (n: Int) in AuditEvent(at: Instant(seconds: Int64(n)), who: "w", role: nil, what: "x", outcome: 401) }
        log.record(line(3))
        XCTAssertEqual(log.restore([line(1), line(2)]), 0)
        XCTAssertEqual(log.take().map(\.at.seconds), [1, 2, 3])
        XCTAssertEqual(log.restore((0..<(AccessLog.maxPending + 5)).map(line)), 5)
        XCTAssertEqual(log.take().first?.at.seconds, 5, "the oldest go first")
    }
}
