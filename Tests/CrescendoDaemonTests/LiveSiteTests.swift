import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// The public site served live by the daemon: the same pages as `crescendo publish`.
final class LiveSiteTests: XCTestCase {
    func withSite(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, SiteCache) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        let app = Application(router: fx.api(site: cache).router())
        try await app.test(.router) { client in try await body(client, fx, cache) }
    }

    /// The verification section's "Entries in the chain" figure.
    static func chainCount(_ n: Int) -> String { "Entries in the chain (corrections included)</dt><dd>\(n)</dd>" }

    func testTheHomePageShowsTheCampaignAndTheChainCountWithoutAToken() async throws {
        try await withSite { client, fx, cache in
            try await fx.post(["2026-02-01T10:00:00Z", "2026-02-02T10:00:00Z"])
            try await client.execute(uri: "/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
                let html = String(buffer: r.body)
                XCTAssertTrue(html.contains("Fixture"), html)
                XCTAssertTrue(html.contains(Self.chainCount(2)), html)
            }
            let (index, _) = try await get(client, "/index.html")
            XCTAssertEqual(index, .ok)
            let (css, _) = try await get(client, "/style.css")
            XCTAssertEqual(css, .ok)
            // Served from the cache: nothing changed, nothing rebuilt.
            let builds = await cache.builds
            XCTAssertEqual(builds, 1)
        }
    }

    func testStoriesCalendarAndOpenDataAreServed() async throws {
        try await withSite { client, fx, _ in
            _ = try await fx.store.appendBatches([[LedgerEntry(at: DaemonFixture.t("2026-02-01T10:00:00Z"), kind: "masks", demand: "psl",
                                                          care: "Masks at the library", cause: "No sick days")]],
                                           recordedAt: fx.clock.now())
            let (story, html) = try await get(client, "/stories/001.html")
            XCTAssertEqual(story, .ok)
            XCTAssertTrue(html.contains("Care Ledger 001") && html.contains("Masks at the library"), html)
            let (stories, _) = try await get(client, "/stories/")
            XCTAssertEqual(stories, .ok)
            try await client.execute(uri: "/calendar.ics", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "text/calendar; charset=utf-8")
                XCTAssertTrue(String(buffer: r.body).hasPrefix("BEGIN:VCALENDAR\r\n"))
            }
            for path in ["/calendar.html", "/money.html", "/charts.html", "/weekly/", "/feed.json", "/datapackage.json"] {
                let (status, _) = try await get(client, path)
                XCTAssertEqual(status, .ok, path)
            }
            try await client.execute(uri: "/", method: .head) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.body.readableBytes, 0)
                XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
            }
        }
    }

    func testAnUnknownPathIsA404PageAndTheAPIKeepsItsRoutes() async throws {
        try await withSite { client, _, _ in
            try await client.execute(uri: "/no/such/page.html", method: .get) { r in
                XCTAssertEqual(r.status, .notFound)
                XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
                XCTAssertTrue(String(buffer: r.body).contains("<h1>Not found</h1>"))
            }
            let (story, _) = try await get(client, "/stories/999.html")
            XCTAssertEqual(story, .notFound)
            let (escape, _) = try await get(client, "/../Package.swift")
            XCTAssertEqual(escape, .notFound)
            let (api, body) = try await get(client, "/api/nothing")
            XCTAssertEqual(api, .notFound)
            XCTAssertFalse(body.contains("<h1>"))
            let (health, text) = try await get(client, "/healthz")
            XCTAssertEqual(health, .ok)
            XCTAssertEqual(text, #"{"status":"ok"}"#)
            let (metrics, _) = try await get(client, "/metrics")
            XCTAssertEqual(metrics, .ok)
            let (ledger, listed) = try await get(client, "/api/ledger")
            XCTAssertEqual(ledger, .ok)
            XCTAssertTrue(listed.hasPrefix(#"{"entries":"#))
        }
    }

    func testPostedEntriesShowOnTheNextRequest() async throws {
        try await withSite { client, fx, cache in
            let (_, before) = try await get(client, "/")
            XCTAssertTrue(before.contains(Self.chainCount(0)), before)
            let (created, _) = try await post(client, "/api/entries", #"[{"kind":"masks"},{"kind":"masks"},{"kind":"masks","quantity":4}]"#)
            XCTAssertEqual(created, .created)
            let (_, after) = try await get(client, "/")
            XCTAssertTrue(after.contains(Self.chainCount(3)), after)
            let (_, again) = try await get(client, "/")
            XCTAssertEqual(after, again)
            let builds = await cache.builds
            XCTAssertEqual(builds, 2)
            // A response changes the site too, though not the chain. (The fixture opens no deadline,
            // so the API would refuse it: it goes straight into the store.)
            try await fx.store.recordResponse(CrescendoCore.Response(at: fx.clock.now(), deadline: 1, text: "We will table a bill"), recordedAt: fx.clock.now())
            _ = try await get(client, "/")
            let rebuilt = await cache.builds
            XCTAssertEqual(rebuilt, 3)
        }
    }

    /// The daemon's way (`servesStale`): a request right after a commit gets the last site at
    /// once and starts the next build; once it is built the pages are those of a fresh build.
    func testServingTheLastSiteWhileTheNextIsBuilt() async throws {
        let fx = try DaemonFixture()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock, servesStale: true)
        try await Application(router: fx.api(site: cache).router()).test(.router) { client in
            let (_, before) = try await get(client, "/")
            XCTAssertTrue(before.contains(Self.chainCount(0)), before)
            let (created, _) = try await post(client, "/api/entries", #"[{"kind":"masks"},{"kind":"masks","quantity":4}]"#)
            XCTAssertEqual(created, .created)
            let (_, stale) = try await get(client, "/")
            XCTAssertEqual(stale, before, "the last site, without waiting")
            await cache.caughtUp()
            let (_, after) = try await get(client, "/")
            XCTAssertTrue(after.contains(Self.chainCount(2)), after)
            let builds = await cache.builds
            XCTAssertEqual(builds, 2)
            let fresh = try await SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock).file("/")
            XCTAssertEqual(fresh.map { String(decoding: $0.bytes, as: UTF8.self) }, after, "the same bytes as a fresh build")
            // A page the last site lacks (a new story) waits for the build under way instead of a 404.
            _ = try await fx.store.appendBatches([[LedgerEntry(at: fx.clock.now(), kind: "masks", care: "Soup for the shelter")]],
                                                 recordedAt: fx.clock.now())
            let (story, text) = try await get(client, "/stories/003.html")
            XCTAssertEqual(story, .ok)
            XCTAssertTrue(text.contains("Soup for the shelter"), text)
            let (missing, _) = try await get(client, "/stories/004.html")
            XCTAssertEqual(missing, .notFound)
        }
    }

    func testPlantedContactDetailsNeverAppearInAnyPage() async throws {
        try await withSite { client, fx, cache in
            // Through the API (redacted on the way in) and straight into the store (redacted on the way out).
            let (created, _) = try await post(client, "/api/entries",
                                              #"{"kind":"masks","demand":"psl","care":"call me at 416-555-0199","cause":"write to jane.doe@example.org"}"#)
            XCTAssertEqual(created, .created)
            _ = try await fx.store.appendBatches([[LedgerEntry(at: fx.clock.now(), kind: "masks", demand: "psl",
                                                          care: "Phone 416-555-0188 any time", cause: "mail sam.roe@example.net",
                                                          change: "ask for +1 (416) 555-0177")]],
                                           recordedAt: fx.clock.now())
            let (story, html) = try await get(client, "/stories/002.html")
            XCTAssertEqual(story, .ok)
            XCTAssertTrue(html.contains("[redacted]"), html)
            let paths = try await cache.site().paths
            XCTAssertTrue(paths.contains("stories/001.html") && paths.contains("calendar.ics"), "\(paths)")
            for path in paths {
                let (status, text) = try await get(client, "/" + path)
                XCTAssertEqual(status, .ok, path)
                for secret in ["555-0199", "555-0188", "555-0177", "jane.doe", "sam.roe", "@example."] {
                    XCTAssertFalse(text.contains(secret), "\(secret) in \(path)")
                }
            }
        }
    }
}
