import CrescendoCore
@testable import CrescendoDaemon
import CrescendoPublish
import CrescendoPublishStore
import CrescendoRender
import CrescendoStore
import XCTest

/// Pages kept across builds: a new build renders again only the pages whose input changed,
/// and every file the daemon serves, kept or rendered, is at every step the one a fresh
/// render of the same ledger at the same instant gives, byte for byte.
final class SitePagesKeptTests: XCTestCase {
    /// SiteStateTests' campaign with a weekly template, a brand (so posters carry a QR code)
    /// and a guide in two languages.
    static func campaign(title: String = "Fixture", guide: String = "hotline.md") -> String {
        SiteStateTests.campaign.replacingOccurrences(of: "title: Fixture\n", with: "title: \(title)\n")
            .replacingOccurrences(of: "templates:\n", with: "templates:\n  weekly: \"{{title}}: {{entries}} acts of care in week {{week}}\"\n")
            .replacingOccurrences(of: "rules:", with: """
                brand:
                  hashtags: ["#CareLedger"]
                  url: https://care.example.org/
                guides:
                  hotline: { title: When to call, file: \(guide), file.fr: hotline.fr.md }
                rules:
                """)
    }

    private static let url = "https://care.example.org/"

    private func fixture() throws -> DaemonFixture {
        let fx = try DaemonFixture(start: "2026-03-02T08:00:00Z", campaign: SiteStateTests.campaign)
        for (name, text) in [("hotline.md", "# Call first\n\nEvery day.\n"), ("hotline.fr.md", "# Appelez\n\nTous les jours.\n"),
                             ("other.md", "# Call later\n\nWeekdays.\n")] {
            try text.write(to: fx.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try Self.campaign().write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertTrue(fx.registry.reload(at: fx.clock.now()), "\(fx.registry.lastFailure?.lines ?? [])")
        return fx
    }

    private func entry(_ at: String, _ area: String? = "a01", kind: String = "masks", quantity: Int64 = 1, care: String? = nil) -> LedgerEntry {
        LedgerEntry(at: DaemonFixture.t(at), kind: kind, quantity: Quantity(quantity), area: area, demand: "psl", care: care, cause: care.map { _ in "No sick days" })
    }

    private func body(_ cache: SiteCache, _ path: String) async throws -> String {
        String(decoding: try await cache.file(path)?.bytes ?? [], as: UTF8.self)
    }

    func testANewEntryThisWeekRendersOnlyThePagesThatShowIt() async throws {
        let fx = try fixture()
        let metrics = DaemonMetrics()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock, metrics: metrics)
        _ = try await fx.store.appendBatches([[entry("2026-02-02T10:00:00Z", care: "Masks for the library"), entry("2026-02-03T10:00:00Z"),
                                               entry("2026-03-02T07:00:00Z")]], recordedAt: fx.clock.now())
        let old = ["/weekly/2026-W06.html", "/guides/hotline.html", "/stories/001.html", "/cards/story-001.png"]
        let new = ["/weekly/2026-W10.html", "/feed.json"]
        var before: [String: String] = [:]
        for path in old + new + ["/"] { before[path] = try await body(cache, path) }
        XCTAssertTrue(before["/weekly/2026-W10.html"]!.contains("<p class=\"lede\">Fixture: fewer than 3 acts of care in week 2026-W10"), before["/weekly/2026-W10.html"]!)

        fx.clock.set(DaemonFixture.t("2026-03-02T08:10:00Z"))
        _ = try await fx.store.appendBatches([[entry("2026-03-02T08:05:00Z"), entry("2026-03-02T08:06:00Z")]], recordedAt: fx.clock.now())
        let (rendered, kept) = (await cache.pagesRendered, await cache.pagesKept)
        let home = try await body(cache, "/")
        XCTAssertNotEqual(home, before["/"], "the home page shows the new entries")
        let afterBuild = await cache.pagesRendered
        XCTAssertEqual(afterBuild, rendered + 1, "the home page is rendered with the new build")
        for path in old {
            let text = try await body(cache, path)
            XCTAssertEqual(text, before[path], path)
        }
        var (r, k) = (await cache.pagesRendered, await cache.pagesKept)
        XCTAssertEqual(r, afterBuild, "an old week's page, a guide, an unchanged story and its card are not rendered again")
        XCTAssertEqual(k, kept + old.count, "they are served as kept")
        for path in new { _ = try await body(cache, path) }
        (r, k) = (await cache.pagesRendered, await cache.pagesKept)
        XCTAssertEqual(r, afterBuild + new.count, "this week's page and the feed are rendered again")
        XCTAssertEqual(k, kept + old.count)
        let week = try await body(cache, "/weekly/2026-W10.html")
        let text = metrics.registry.emitToString()
        XCTAssertTrue(text.contains("crescendo_site_files_total{outcome=\"kept\"} \(k)"), text)
        XCTAssertTrue(text.contains("crescendo_site_files_total{outcome=\"rendered\"} \(r)"), text)
        XCTAssertTrue(week.contains("<p class=\"lede\">Fixture: withheld acts of care in week 2026-W10"), week)
    }

    /// Every path the fresh site has is served by the cache with the fresh bytes.
    private func assertEveryPathIsFresh(_ fx: DaemonFixture, _ cache: SiteCache, _ step: String,
                                        file: StaticString = #filePath, line: UInt = #line) async throws {
        var data = try await SiteData.read(from: fx.store, campaign: fx.registry.primary.campaign, now: fx.clock.now())
        data.qrCode = try await QREncoder().encode(Self.url)
        let fresh = Site(data)
        let served = try await cache.site().paths
        XCTAssertEqual(served, fresh.paths, "\(step): the same paths", file: file, line: line)
        XCTAssertGreaterThan(fresh.paths.count, 40, file: file, line: line)
        for path in fresh.paths {
            let live = try await cache.file("/" + path)
            if live?.bytes != fresh.render(path: path)?.bytes { XCTFail("\(step): \(path) differs from a fresh render", file: file, line: line) }
        }
    }

    func testEveryServedFileIsAFreshRenderAfterEveryKindOfFact() async throws {
        let fx = try fixture()
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        _ = try await fx.store.appendBatches([[
            entry("2026-02-02T10:00:00Z", care: "Masks for the library"), entry("2026-02-02T11:00:00Z", "a02", quantity: 4),
            entry("2026-02-03T10:00:00Z", "a02", kind: "meals", quantity: 7), entry("2026-02-03T12:00:00Z", nil),
            entry("2026-02-10T09:00:00Z", "a03", care: "Meals for the shelter"), entry("2026-02-17T09:00:00Z", care: "Soup"),
            entry("2026-03-02T07:00:00Z"),
        ]], recordedAt: fx.clock.now())
        try await assertEveryPathIsFresh(fx, cache, "first build")
        var kept = await cache.pagesKept

        func step(_ name: String, keeps: Bool = true, _ fact: () async throws -> Void) async throws {
            try await fact()
            try await assertEveryPathIsFresh(fx, cache, name)
            let now = await cache.pagesKept
            if keeps { XCTAssertGreaterThan(now, kept, "\(name): some pages are kept") }
            kept = now
        }
        try await step("new entries this week") {
            fx.clock.set(DaemonFixture.t("2026-03-02T08:20:00Z"))
            _ = try await fx.store.appendBatches([[entry("2026-03-02T08:10:00Z"), entry("2026-03-02T08:11:00Z", "a03", kind: "meals")]],
                                                 recordedAt: fx.clock.now())
        }
        try await step("new entries in an earlier week") {
            _ = try await fx.store.appendBatches([[entry("2026-02-24T10:00:00Z", "a02"), entry("2026-02-24T11:00:00Z", "a02")]], recordedAt: fx.clock.now())
        }
        try await step("a backfilled story between two others") {
            _ = try await fx.store.appendBatches([[entry("2026-02-11T10:00:00Z", care: "Backfilled from paper")]], recordedAt: fx.clock.now())
        }
        try await step("a correction") {
            _ = try fx.store.correct(seq: 2, with: entry("2026-02-02T11:00:00Z", "a03", kind: "meals", quantity: 9), reason: "wrong area",
                                     recordedAt: fx.clock.now())
        }
        try await step("a response") {
            try await fx.store.recordSideFacts(indicators: [], responses: [Response(at: fx.clock.now(), deadline: 1, text: "We will table a bill")],
                                               recordedAt: fx.clock.now())
        }
        try await step("an indicator sample") {
            try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: fx.clock.now(), name: "rate", value: 30)], responses: [],
                                               recordedAt: fx.clock.now())
        }
        try await step("the hour moving") { fx.clock.set(DaemonFixture.t("2026-03-02T09:30:00Z")) }
        try await step("days moving (the silences grow)") { fx.clock.set(DaemonFixture.t("2026-03-06T12:00:00Z")) }
        try await step("a reload with a changed campaign", keeps: false) {
            try Self.campaign(title: "Care Network", guide: "other.md").write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
            XCTAssertTrue(fx.registry.reload(at: fx.clock.now()), "\(fx.registry.lastFailure?.lines ?? [])")
        }
        try await step("a new story this week") {
            _ = try await fx.store.appendBatches([[entry("2026-03-06T11:00:00Z", care: "Masks for the bus drivers")]], recordedAt: fx.clock.now())
        }
        let site = try await cache.site()
        XCTAssertTrue(site.paths.contains("silence/1.html") && site.paths.contains("stories/fr/006.html"), "\(site.paths)")
        let guide = try await body(cache, "/guides/hotline.html")
        XCTAssertTrue(guide.contains("Call later"), "the reload's guide is served")
    }
}
