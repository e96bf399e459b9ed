import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import HummingbirdTesting
import XCTest

/// The communications kit served live: cards (their PNGs rendered by the same rsvg-convert as
/// `publish`, once per card), guides, silence pages and posters, with no token.
extension LiveSiteTests {
    /// The fixture's campaign with a brand and a guide (a file beside it), reloaded.
    private static func brand(_ fx: DaemonFixture) throws {
        try "# Call first\n\nThe hotline answers **every day**.\n".write(to: fx.folder.appendingPathComponent("hotline.md"), atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: fx.campaignPath, encoding: .utf8) + """

            brand:
              hashtags: ["#CareLedger"]
              color: "#1d5e20"
              url: https://care.example.org/
            guides:
              hotline: { title: When to call the hotline, file: hotline.md }

            """
        try text.write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertTrue(fx.registry.reload(at: fx.clock.now()), "\(fx.registry.lastFailure?.lines ?? [])")
    }

    func testCardsGuidesAndPostersAreServedWithTheirPNGsRenderedOnce() async throws {
        try await withSite { client, fx, cache in
            try Self.brand(fx)
            XCTAssertTrue(fx.registry.watchedFiles.contains { $0.hasSuffix("hotline.md") }, "a changed guide reloads the campaign")
            _ = try await fx.store.appendBatches([[LedgerEntry(at: DaemonFixture.t("2026-02-01T10:00:00Z"), kind: "masks", demand: "psl",
                                                          care: "Masks <b>for</b> the library", cause: "No sick days")]],
                                           recordedAt: fx.clock.now())
            for _ in 0..<2 {
                try await client.execute(uri: "/cards/story-001.png", method: .get) { r in
                    XCTAssertEqual(r.status, .ok)
                    XCTAssertEqual(r.headers[.contentType], "image/png")
                    let bytes = Array(r.body.readableBytesView)
                    XCTAssertEqual(bytes.count > 24 ? Array(bytes[16..<24]) : [], [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76], "IHDR: 1200 x 630")
                }
            }
            let renders = await cache.images.renders
            XCTAssertEqual(renders, 1)
            let (svg, card) = try await get(client, "/cards/story-001.svg")
            XCTAssertEqual(svg, .ok)
            XCTAssertTrue(card.contains("Masks &lt;b&gt;for&lt;/b&gt; the library") && card.contains("#1d5e20"), card)
            let (story, page) = try await get(client, "/stories/001.html")
            XCTAssertEqual(story, .ok)
            XCTAssertTrue(page.contains("<meta property=\"og:image\" content=\"https://care.example.org/cards/story-001.png\">"), page)
            let (guide, text) = try await get(client, "/guides/hotline.html")
            XCTAssertEqual(guide, .ok)
            XCTAssertTrue(text.contains("<h1>Call first</h1>") && text.contains("<strong>every day</strong>"), text)
            let (poster, sheet) = try await get(client, "/print/week-2026-W05.html")
            XCTAssertEqual(poster, .ok)
            XCTAssertTrue(sheet.contains("class=\"qr\"") && sheet.contains("https://care.example.org/"), "the QR code, made by qrencode")
            for missing in ["/cards/story-002.png", "/cards/fr/story-001.png", "/guides/nowhere.html", "/print/week-2030-W01.html"] {
                let (status, _) = try await get(client, missing)
                XCTAssertEqual(status, .notFound, missing)
            }
        }
    }
}
