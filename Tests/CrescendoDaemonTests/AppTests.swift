import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import XCTest

/// The web app: every route with no session and with each role, CSRF on every form, sign-in
/// and its cookie, the record form and its receipt, escaping, languages, and sessions ending
/// with their token. (scripts/app-check.py drives the same pages in a real browser.)
final class AppTests: XCTestCase {
    func withApp(campaign: String = APITests.briefingCampaign,
                 _ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, [Role: String], AccessLog) async throws -> Void) async throws {
        let fx = try DaemonFixture(campaign: campaign)
        let tokens = try fx.roleTokens()
        let log = AccessLog()
        fx.appScheduler = fx.scheduler()
        try await Application(router: fx.api(scheduler: fx.appScheduler, log: log).router()).test(.router) { client in
            try await body(client, fx, tokens, log)
        }
    }

    /// Each app route, the role it needs, and a form it accepts from that role.
    static let routes: [(method: String, path: String, role: Role?, form: [String: String])] = [
        ("GET", "/app", .recorder, [:]), ("GET", "/app/record", .recorder, [:]),
        ("POST", "/app/record", .recorder, ["kind": "masks", "care": "Masks for the bus drivers"]),
        ("GET", "/app/organize", .organizer, [:]), ("POST", "/app/organize/respond", .organizer, ["deadline": "9", "text": "yes"]),
        ("POST", "/app/organize/retry", .organizer, ["id": "fixture/none"]),
        ("GET", "/app/admin", .admin, [:]), ("POST", "/app/admin/tokens", .admin, ["name": "new-one", "role": "recorder"]),
        ("POST", "/app/admin/revoke", .admin, ["name": "spare"]), ("POST", "/app/logout", .recorder, [:]),
    ]

    func testEveryAppRouteWithNoSessionEachRoleAndWithoutCSRF() async throws {
        try await withApp { client, fx, tokens, _ in
            try fx.store.addToken(TokenRecord(name: "spare", role: .recorder, createdAt: fx.clock.now()), hash: TokenSecret.hash(TokenSecret.generate()))
            for route in Self.routes {
                let label = "\(route.method) \(route.path)"
                let anonymous = AppClient(client)
                if route.method == "GET" {
                    let page = try await anonymous.get(route.path)
                    XCTAssertEqual(page.status, .seeOther, "\(label) with no session")
                    XCTAssertEqual(page.location, "/app/login", label)
                } else {
                    let before = try fx.store.head().count
                    let page = try await anonymous.post(route.path, route.form)
                    XCTAssertEqual(page.status, .forbidden, "\(label) with no session")
                    XCTAssertEqual(try fx.store.head().count, before, "\(label) with no session wrote nothing")
                }
                for role in Role.allCases {
                    let browser = AppClient(client)
                    let signedIn = try await browser.signIn(tokens[role]!).status
                    XCTAssertEqual(signedIn, .seeOther)
                    let shown = try await browser.get("/app")
                    let csrf = try XCTUnwrap(shown.csrf, "\(label) as \(role): a signed-in page carries the CSRF token")
                    let allowed = role >= route.role!
                    if route.method == "GET" {
                        let page = try await browser.get(route.path)
                        XCTAssertEqual(page.status, allowed ? .ok : .forbidden, "\(label) as \(role)")
                        if !allowed { XCTAssertTrue(page.body.contains("needs the \(route.role!.rawValue) role"), label) }
                        continue
                    }
                    let before = (try fx.store.head().count, try fx.store.tokens().count, try fx.store.responses().count)
                    let forged = try await browser.post(route.path, route.form)
                    XCTAssertEqual(forged.status, .forbidden, "\(label) as \(role) without CSRF")
                    let wrong = try await browser.post(route.path, route.form.merging(["csrf": "not-it"]) { a, _ in a })
                    XCTAssertEqual(wrong.status, .forbidden, "\(label) as \(role) with a wrong CSRF token")
                    let after = (try fx.store.head().count, try fx.store.tokens().count, try fx.store.responses().count)
                    XCTAssertTrue(before == after, "\(label) as \(role) without CSRF wrote nothing")
                    let page = try await browser.post(route.path, route.form.merging(["csrf": csrf]) { a, _ in a })
                    if !allowed {
                        XCTAssertEqual(page.status, .forbidden, "\(label) as \(role)")
                    } else {
                        XCTAssertNotEqual(page.status, .forbidden, "\(label) as \(role): \(page.body.prefix(200))")
                        XCTAssertLessThan(page.status.code, 500, "\(label) as \(role)")
                    }
                }
            }
        }
    }

    func testSignInSetsAStrictHttpOnlyCookieAndSignOutEndsTheSession() async throws {
        try await withApp { client, fx, tokens, log in
            let browser = AppClient(client)
            let wrong = try await browser.signIn("cr_not-a-token")
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertTrue(wrong.body.contains(#"aria-invalid="true""#) && wrong.body.contains("That token does not open the app"), wrong.body)
            XCTAssertNil(browser.cookies["crescendo_session"])
            let ok = try await browser.signIn(tokens[.recorder]!)
            XCTAssertEqual(ok.location, "/app/")
            let cookie = try XCTUnwrap(browser.lastSetCookies.first { $0.hasPrefix("crescendo_session=") })
            XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"), cookie)
            let showsWho = try await browser.get("/app/record").body.contains("recorder (recorder)")
            XCTAssertTrue(showsWho)
            let home = try await browser.get("/app")
            let signedOut = try await browser.post("/app/logout", ["csrf": home.csrf!]).location
            XCTAssertEqual(signedOut, "/app/login")
            let afterSignOut = try await browser.get("/app/record").status
            XCTAssertEqual(afterSignOut, .seeOther)
            // Over HTTPS (a TLS terminator says so) the cookie is Secure.
            let secure = AppClient(client)
            let form = try await secure.get("/app/login", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            _ = try await secure.post("/app/login", ["csrf": form.csrf!, "token": tokens[.admin]!],
                                      headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            XCTAssertTrue(secure.lastSetCookies.contains { $0.hasPrefix("crescendo_session=") && $0.contains("; Secure") }, "\(secure.lastSetCookies)")
            let lines = log.take()
            XCTAssertTrue(lines.contains { $0.what == "POST /app/login" && $0.outcome == 303 && $0.who == "recorder" })
            XCTAssertTrue(lines.contains { $0.what == "POST /app/login" && $0.outcome == 401 })
            XCTAssertTrue(lines.contains { $0.what == "POST /app/logout" && $0.who == "recorder" })
        }
    }

    func testARevokedOrExpiredTokenEndsItsSessions() async throws {
        try await withApp { client, fx, tokens, _ in
            let browser = AppClient(client)
            try await browser.signIn(tokens[.organizer]!)
            let before = try await browser.get("/app/organize").status
            XCTAssertEqual(before, .ok)
            try fx.store.revokeToken(name: "organizer", at: fx.clock.now())
            let after = try await browser.get("/app/organize")
            XCTAssertEqual(after.status, .seeOther)
            XCTAssertEqual(after.location, "/app/login")
        }
    }

    func testTheRecordFormRecordsOnceAndItsReceiptShowsTheBeatsAsText() async throws {
        try await withApp { client, fx, tokens, log in
            let browser = AppClient(client)
            try await browser.signIn(tokens[.recorder]!)
            let form = try await browser.get("/app/record")
            for name in DaemonAPI.entryFields { XCTAssertTrue(form.body.contains(#"name="\#(name)""#), name) }
            XCTAssertTrue(form.body.contains(">Masks</option>") && form.body.contains(">Riverside</option>"), "the campaign's labels")
            let fields = ["csrf": form.csrf!, "key": form.key!, "kind": "masks", "quantity": "3", "area": "a01",
                          "care": "<script>alert(1)</script> for Ana at 12 Elm St", "cause": "The clinic & the bus", "change": "Paid sick leave"]
            let done = try await browser.post("/app/record", fields)
            XCTAssertEqual(done.status, .seeOther)
            XCTAssertEqual(done.location, "/app/receipt/1")
            let again = try await browser.post("/app/record", fields).location
            XCTAssertEqual(again, "/app/receipt/1", "a double submit replays")
            XCTAssertEqual(try fx.store.head().count, 1)
            let receipt = try await browser.get("/app/receipt/1")
            XCTAssertEqual(receipt.status, .ok)
            XCTAssertTrue(receipt.body.contains("Care Ledger 001"))
            XCTAssertTrue(receipt.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), receipt.body)
            XCTAssertFalse(receipt.body.contains("<script>alert"))
            XCTAssertTrue(receipt.body.contains("The clinic &amp; the bus"))
            XCTAssertTrue(receipt.body.contains(#"href="/app/record""#), "record another")
            XCTAssertEqual(try fx.store.audit(AuditQuery()).filter { $0.what == "POST /app/record" }.map(\.who), ["recorder"])
        }
    }

    func testBadInputGetsTheFormBackWithTheFieldMarkedAndNothingRecorded() async throws {
        try await withApp { client, fx, tokens, _ in
            let browser = AppClient(client)
            try await browser.signIn(tokens[.recorder]!)
            let form = try await browser.get("/app/record")
            let page = try await browser.post("/app/record", ["csrf": form.csrf!, "kind": "masks", "quantity": "lots", "care": "kept <b>"])
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertTrue(page.body.contains(#"id="f-quantity" name="quantity" type="text" value="lots" inputmode="decimal" autocomplete="off" aria-describedby="f-quantity-error" aria-invalid="true""#), page.body)
            XCTAssertTrue(page.body.contains(#"<p class="error" id="f-quantity-error">"#))
            XCTAssertTrue(page.body.contains("kept &lt;b&gt;</textarea>"), "what was typed comes back, escaped")
            XCTAssertEqual(try fx.store.head().count, 0)
            let kind = try await browser.post("/app/record", ["csrf": form.csrf!, "kind": "nope"])
            XCTAssertEqual(kind.status, .unprocessableContent)
            XCTAssertTrue(kind.body.contains(#"aria-describedby="f-kind-error" aria-invalid="true""#), kind.body)
        }
    }

    func testTheOfflineQueuesAPIWriteWithTheSessionNeedsItsCSRFHeader() async throws {
        try await withApp { client, fx, tokens, _ in
            let browser = AppClient(client)
            try await browser.signIn(tokens[.recorder]!)
            let csrf = try await browser.get("/app/record").csrf!
            let json: HTTPFields = [.contentType: "application/json", HTTPField.Name("Idempotency-Key")!: "queued-1"]
            let bare = try await browser.send(.post, "/api/entries", body: #"{"kind":"masks"}"#, headers: json)
            XCTAssertEqual(bare.status, .forbidden)
            XCTAssertTrue(bare.body.contains("X-CSRF-Token"), bare.body)
            XCTAssertEqual(try fx.store.head().count, 0)
            var with = json
            with[HTTPField.Name("X-CSRF-Token")!] = csrf
            for _ in 0..<3 {
                let sent = try await browser.send(.post, "/api/entries", body: #"{"kind":"masks","care":"sent again"}"#, headers: with)
                XCTAssertEqual(sent.status, .created, sent.body)
            }
            XCTAssertEqual(try fx.store.head().count, 1, "one key, one entry, however often it is resent")
        }
    }

    func testLanguagesFromTheQueryTheSessionAndAcceptLanguage() async throws {
        try await withApp { client, _, tokens, _ in
            let browser = AppClient(client)
            let french = try await browser.get("/app/login", headers: [.acceptLanguage: "de;q=0.9, fr-CA;q=0.8"])
            XCTAssertTrue(french.body.contains(#"<html lang="fr">"#))
            try await browser.signIn(tokens[.recorder]!)
            let english = try await browser.get("/app/record").body.contains(#"<html lang="en">"#)
            XCTAssertTrue(english)
            let frenchForm = try await browser.get("/app/record?lang=fr").body.contains("Qu’est-ce que c’était ?")
            XCTAssertTrue(frenchForm)
            let remembered = try await browser.get("/app/record").body.contains(#"<html lang="fr">"#)
            XCTAssertTrue(remembered, "remembered for the session")
        }
    }

    func testTheOrganizerAnswersADeadlineAndRetriesADeadLetter() async throws {
        try await withApp { client, fx, tokens, _ in
            try await fx.post(["2026-03-01T06:00:00Z", "2026-03-01T07:00:00Z"])
            _ = try await fx.appScheduler!.step()
            let browser = AppClient(client)
            try await browser.signIn(tokens[.organizer]!)
            let board = try await browser.get("/app/organize")
            XCTAssertTrue(board.body.contains(#"id="deadline-1""#), board.body)
            let refused = try await browser.post("/app/organize/respond", ["csrf": board.csrf!, "deadline": "1"])
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.body.contains(#"aria-invalid="true""#))
            let answered = try await browser.post("/app/organize/respond", ["csrf": board.csrf!, "key": board.key!, "deadline": "1",
                                                                             "text": "We will table it", "win": "partial"])
            XCTAssertEqual(answered.location, "/app/organize?answered=1")
            XCTAssertEqual(try fx.store.responses().map(\.deadline), [1])
            let stillOpen = try await browser.get("/app/organize?answered=1").body.contains(#"id="deadline-1""#)
            XCTAssertFalse(stillOpen)
            // A dead letter, retried from its button: pending again, audited.
            try await fx.store.commit(DaemonStep(campaign: "fixture", judgedThrough: fx.clock.now(), aliveAt: fx.clock.now(), actions: [
                ActionRecord(id: "fixture/9-r-notify-1", campaign: "fixture", rule: "r", action: "notify", dueAt: fx.clock.now(),
                             payload: "{}", state: .pending, late: false, decidedAt: fx.clock.now(), channels: ["hook"]),
            ], timers: nil))
            let d = fx.dispatcher(retry: RetryPolicy(maxAttempts: 1))
            for x in try await d.claimDue() { await d.attempt(x) }
            XCTAssertEqual(try fx.store.deadLetters(limit: 10).map(\.actionID), ["fixture/9-r-notify-1"])
            let dead = try await browser.get("/app/organize")
            XCTAssertTrue(dead.body.contains(#"name="id" value="fixture/9-r-notify-1""#), dead.body)
            let retried = try await browser.post("/app/organize/retry", ["csrf": dead.csrf!, "id": "fixture/9-r-notify-1", "channel": "hook"])
            XCTAssertEqual(retried.status, .seeOther)
            XCTAssertEqual(try fx.store.deadLetters(limit: 10).count, 0)
            XCTAssertEqual(try fx.store.audit(AuditQuery()).filter { $0.what == "POST /app/organize/retry" }.map(\.ids),
                           ["action fixture/9-r-notify-1 channel hook"])
            let again = try await browser.post("/app/organize/retry", ["csrf": dead.csrf!, "id": "fixture/9-r-notify-1"])
            XCTAssertEqual(again.status, .notFound)
            // The API's route does the same, the action's id percent-encoded in the path.
            for x in try await d.claimDue() { await d.attempt(x) }
            let api = try await browser.send(.post, "/api/deliveries/fixture%2F9-r-notify-1/retry?channel=hook", body: nil,
                                             headers: [.authorization: "Bearer \(tokens[.organizer]!)"])
            XCTAssertEqual(api.status, .ok, api.body)
            XCTAssertEqual(api.body, #"{"action":"fixture/9-r-notify-1","retried":["hook"]}"#)
        }
    }

    func testTheAdminAddsATokenShownOnceWithItsInviteAndReadsTheAudit() async throws {
        try await withApp { client, fx, tokens, log in
            let browser = AppClient(client)
            try await browser.signIn(tokens[.admin]!)
            let page = try await browser.get("/app/admin")
            let bad = try await browser.post("/app/admin/tokens", ["csrf": page.csrf!, "name": "has space", "role": "recorder"])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.body.contains(#"aria-describedby="f-name-error" aria-invalid="true""#), bad.body)
            let made = try await browser.post("/app/admin/tokens", ["csrf": page.csrf!, "name": "phone-1", "role": "recorder", "expires": "30d"])
            XCTAssertEqual(made.status, .created)
            let token = try XCTUnwrap(AppClient.capture(#"id="new-token">([^<]+)<"#, in: made.body))
            XCTAssertTrue(made.body.contains("/app/login#token=\(token)"), "the invite carries the token in the fragment")
            let shownAgain = try await browser.get("/app/admin").body.contains(token)
            XCTAssertFalse(shownAgain, "shown once")
            let volunteer = AppClient(client)
            let invite = try await volunteer.get("/app/login?token=\(token)")
            XCTAssertEqual(invite.location, "/app/login#token=\(token)", "a typed ?token= moves to the fragment")
            let invited = try await volunteer.signIn(token).location
            XCTAssertEqual(invited, "/app/")
            await AccessService(store: fx.store, log: log, tokens: fx.api().tokens, clock: fx.clock, logger: fx.logger).flush()
            let audit = try await browser.get("/app/admin")
            XCTAssertTrue(audit.body.contains("POST /app/admin/tokens") && audit.body.contains("token phone-1"), audit.body)
            XCTAssertTrue(try fx.store.tokens().contains { $0.name == "phone-1" && $0.role == .recorder })
        }
    }
}
