import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// Without a token a client sees only what the public site shows: every public route and every
/// site page is scanned for an entry's exact time, its area, a tactic not yet carried out and
/// a count the site suppresses; the private routes answer 401 and nothing else.
final class PublicDataTests: XCTestCase {
    func testNoUnauthenticatedResponseCarriesAnythingPrivate() async throws {
        let fx = try DaemonFixture()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        let app = Application(router: fx.api(site: cache).router())
        try await app.test(.router) { client in
            // Two entries in area a01 (under min_count 5), at an exact minute; the daily 09:00
            // notice is a tactic not yet carried out at 08:00.
            let body = #"[{"kind":"masks","area":"a01","demand":"psl","at":"2026-02-01T10:17","care":"Masks at the library"},"#
                + #"{"kind":"masks","area":"a01","at":"2026-02-01T10:17:42","care":"More masks"}]"#
            let (created, _) = try await post(client, "/api/entries", body)
            XCTAssertEqual(created, .created)
            // The area itself may show (the site lists declared areas), never with its count of 2.
            let secrets = ["10:17", "T10:", "good morning", "three more", "1769940", #""count":2"#]

            var paths = try await cache.site().paths.map { "/" + $0 }
            paths += DaemonAPI.routes.map(\.path) + ["/", "/api/nothing", "/no/such/page"]
            for path in paths {
                for method: HTTPRequest.Method in [.get, .post] {
                    try await client.execute(uri: path, method: method, headers: [.contentType: "application/json"],
                                             body: method == .post ? ByteBuffer(string: "{}") : nil) { r in
                        let text = String(buffer: r.body)
                        for secret in secrets {
                            XCTAssertFalse(text.contains(secret), "\(method) \(path) (\(r.status.code)) shows \(secret)")
                        }
                        for line in text.split(separator: "\n") where line.contains("Riverside") || line.contains("a01") {
                            let numbers = line.replacingOccurrences(of: "fewer than 5", with: "").split { !$0.isNumber }
                            XCTAssertFalse(numbers.contains("2"), "\(path) shows the suppressed count: \(line)")
                        }
                        if let role = DaemonAPI.routes.first(where: { $0.path == path && $0.method == "\(method)" })?.role {
                            XCTAssertEqual(r.status, .unauthorized, "\(method) \(path) needs \(role)")
                        }
                    }
                }
            }
            // The story is public, its text redacted and its time shown only as the site shows it.
            let (story, html) = try await get(client, "/stories/001.html", token: nil)
            XCTAssertEqual(story, .ok)
            XCTAssertTrue(html.contains("Masks at the library"))
            XCTAssertEqual(try fx.store.head().count, 2, "no unauthenticated request wrote anything")
        }
    }
}
