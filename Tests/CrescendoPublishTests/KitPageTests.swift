import CrescendoCore
@testable import CrescendoPublish
import XCTest

/// The kit's pages: share tags pointing at each page's card, silence pages, guides rendered
/// from Markdown in every language, and one-page posters.
final class KitPageTests: XCTestCase {
    private func meta(_ html: String, _ key: String) -> String? {
        for attribute in ["property", "name"] {
            let prefix = "<meta \(attribute)=\"\(key)\" content=\""
            if let start = html.range(of: prefix) {
                return String(html[start.upperBound...].prefix { $0 != "\"" })
            }
        }
        return nil
    }

    func testStorySilenceAndWeeklyPagesCarryTheirCardsShareTags() throws {
        var entries = SiteFixture.entries(46, from: "2027-01-04T09:00")
        entries[0].care = "Drove \"Sam\" & <friends> home"
        let files = Site(KitFixture.data(entries: entries)).build()
        let story = try XCTUnwrap(KitFixture.text(files, "stories/001.html"))
        XCTAssertEqual(meta(story, "og:title"), "Care Ledger 001")
        XCTAssertEqual(meta(story, "og:image"), "https://care.example.org/cards/story-001.png")
        XCTAssertEqual(meta(story, "og:url"), "https://care.example.org/stories/001.html")
        XCTAssertEqual(meta(story, "twitter:card"), "summary_large_image")
        XCTAssertEqual(meta(story, "og:image:width"), "1200")
        XCTAssertEqual(meta(story, "og:description"), "Care Ledger 001: Drove &quot;Sam&quot; &amp; &lt;friends&gt; home Why: Shelters have no PPE budget line Change: A permanent PPE budget")
        XCTAssertTrue(story.contains("<img src=\"../cards/story-001.png\" width=\"600\" height=\"315\" alt=\""), "the page shows its card")
        XCTAssertTrue(story.contains("<a href=\"../cards/story-001.svg\">SVG</a>"))
        let french = try XCTUnwrap(KitFixture.text(files, "stories/fr/001.html"))
        XCTAssertEqual(meta(french, "og:image"), "https://care.example.org/cards/fr/story-001.png")
        XCTAssertTrue(meta(french, "og:description")!.hasPrefix("Registre du soin 001"))
        let weekly = try XCTUnwrap(KitFixture.text(files, "weekly/2027-W02.html"))
        XCTAssertEqual(meta(weekly, "og:image"), "https://care.example.org/cards/week-2027-W02.png")
        XCTAssertEqual(meta(weekly, "og:title"), "Paid sick leave now: week 2027-W02")
        XCTAssertTrue(weekly.contains("<a href=\"../print/week-2027-W02.html\">one-page poster</a>"))
        let silence = try XCTUnwrap(KitFixture.text(files, "silence/1.html"))
        XCTAssertEqual(meta(silence, "og:image"), "https://care.example.org/cards/silence-1.png")
        XCTAssertTrue(meta(silence, "og:title")!.hasPrefix("Ministry of Labour: "))
        XCTAssertTrue(silence.contains("<h1>Ministry of Labour: "), silence)
        for page in ["index.html", "charts.html", "money.html"] { XCTAssertNil(meta(KitFixture.text(files, page)!, "og:image"), page) }
    }

    func testShareLinksAreRelativeWithoutAnAddressAndTheBaseURLComesFirst() throws {
        let plain = Site(KitFixture.data(campaign: KitFixture.campaign(brand: Brand()))).build()
        let story = try XCTUnwrap(KitFixture.text(plain, "stories/fr/001.html"))
        XCTAssertEqual(meta(story, "og:image"), "../../cards/fr/story-001.png")
        XCTAssertNil(meta(story, "og:url"))
        XCTAssertTrue(try ParsedCard(KitFixture.text(plain, "cards/story-001.svg")!).allText.contains("Paid sick leave now"),
                      "without hashtags the foot band holds the campaign's title")
        var data = KitFixture.data()
        data.baseURL = "https://mirror.example.net/ledger"
        let mirrored = Site(data).build()
        XCTAssertEqual(meta(KitFixture.text(mirrored, "stories/001.html")!, "og:image"), "https://mirror.example.net/ledger/cards/story-001.png")
        XCTAssertTrue(KitFixture.text(mirrored, "feed.json")!.contains("\"home_page_url\": \"https://mirror.example.net/ledger/\""))
    }

    func testAGuideIsRenderedFromMarkdownInEveryLanguageAndLinkedFromHome() throws {
        let site = Site(KitFixture.data())
        let files = site.build()
        XCTAssertTrue(site.paths.contains("guides/er-or-hotline.html"))
        let guide = try XCTUnwrap(KitFixture.text(files, "guides/er-or-hotline.html"))
        XCTAssertTrue(guide.contains("<title>When to go to the ER, and when to call · Paid sick leave now</title>"))
        XCTAssertTrue(guide.contains("<article class=\"guide\" lang=\"en\">\n<h1>When to go to the ER, and when to call</h1>"), guide)
        XCTAssertTrue(guide.contains("<p>Call the hotline <strong>first</strong>.</p>"), guide)
        XCTAssertTrue(guide.contains("<h2>Go to the ER when</h2>"), "a ## heading is an h2 under the page's h1")
        XCTAssertTrue(guide.contains("<li>someone cannot breathe</li>"))
        XCTAssertTrue(guide.contains("<abbr title=\"emergency room\">ER</abbr>"), "the campaign's own HTML passes through")
        XCTAssertEqual(guide.components(separatedBy: "<h1>").count - 1, 1)
        let french = try XCTUnwrap(KitFixture.text(files, "guides/fr/er-or-hotline.html"))
        XCTAssertTrue(french.contains("<article class=\"guide\" lang=\"fr\">\n<h1>Quand aller aux urgences</h1>\n<p>Appelez d'abord.</p>"), french)
        XCTAssertFalse(french.contains("class=\"note\""))
        // Spanish is a language of the campaign (silence.es) without a Spanish guide: the default, said so.
        let spanish = try XCTUnwrap(KitFixture.text(files, "guides/es/er-or-hotline.html"))
        XCTAssertTrue(spanish.contains("<article class=\"guide\" lang=\"en\">"), spanish)
        XCTAssertTrue(spanish.contains("<p class=\"note\" lang=\"es\">Esta guía aún no está en español; aquí está en inglés.</p>"), spanish)
        XCTAssertTrue(spanish.contains("<a href=\"../../guides/fr/er-or-hotline.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"), "the language switch")
        XCTAssertNil(site.render(path: "/guides/de/er-or-hotline.html"))
        XCTAssertNil(site.render(path: "/guides/nowhere.html"))
        XCTAssertEqual(site.render(path: "/guides/fr/er-or-hotline.html"), files["guides/fr/er-or-hotline.html"])
        let home = try XCTUnwrap(KitFixture.text(files, "index.html"))
        XCTAssertTrue(home.contains("<li><a href=\"guides/er-or-hotline.html\">When to go to the ER</a> (<a href=\"guides/fr/er-or-hotline.html\" hreflang=\"fr\" lang=\"fr\">Français</a>)</li>"), home)
        XCTAssertTrue(home.contains("<a href=\"print/week-2027-W03.html\">one-page poster</a>"))
    }

    func testTheGuidesHeadingsMoveOneLevelDown() {
        XCTAssertEqual(GuideMarkdown.shifted("<h1>A</h1>"), "<h2>A</h2>")
        XCTAssertEqual(GuideMarkdown.shifted("<h5>A <em>b</em></h5>"), "<h6>A <em>b</em></h6>")
        XCTAssertEqual(GuideMarkdown.shifted("<h6>A</h6>"), "<h6>A</h6>")
        let rendered = GuideMarkdown.render("\n\n# Title #\n\n# Another\n\n## Sub\n\ntext")
        XCTAssertEqual(rendered.heading, "Title")
        XCTAssertEqual(rendered.html, "<h2>Another</h2><h3>Sub</h3><p>text</p>")
        XCTAssertEqual(GuideMarkdown.render("# Title\n\n## Part\n\ntext").html, "<h2>Part</h2><p>text</p>", "below a title, ## stays an h2")
        XCTAssertNil(GuideMarkdown.render("Just text").heading)
    }

    func testAPosterHoldsTheWeeksCountsDemandsClockAndQRCode() throws {
        let rows = (0..<25).map { _ in String(repeating: "#", count: 50) }.joined(separator: "\n")
        var data = KitFixture.data()
        data.qrCode = QRCode(text: "https://care.example.org/", ascii: rows)
        let files = Site(data).build()
        let poster = try XCTUnwrap(KitFixture.text(files, "print/week-2027-W02.html"))
        XCTAssertTrue(poster.contains("<h1>The Care Ledger, week 2027-W02</h1>"))
        XCTAssertTrue(poster.contains("<p class=\"total\"><strong>12</strong> acts of care</p>"), poster)
        XCTAssertTrue(poster.contains("<li><strong>36 hours</strong> Childcare hours covered</li>"), poster)
        XCTAssertTrue(poster.contains("<strong>Universal paid sick leave</strong><br>Who must act: Ministry of Labour."))
        // As of the end of week 2 (2027-01-17 23:59:59), deadline 1 (opened 2027-01-04 18:00) was 13 days silent.
        XCTAssertTrue(poster.contains("<li><strong>Ministry of Labour: 13 days of silence</strong><br>on “Universal paid sick leave”.</li>"), poster)
        XCTAssertTrue(poster.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 33 33\" class=\"qr\""), poster)
        XCTAssertTrue(poster.contains("<p class=\"url\">https://care.example.org/</p>"))
        XCTAssertTrue(poster.contains("#PaidSickLeaveNow #CareLedger"))
        XCTAssertTrue(poster.contains("@media print {") && poster.contains("height: 255mm") && poster.contains("@page { margin: 10mm; }"))
        XCTAssertTrue(poster.contains("fill=\"#000000\" d=\"M4 4h25v1h-25z"), "a row of dark modules is one run")
        // A code for another address is not drawn; without one the address is there as text.
        data.qrCode = QRCode(text: "https://elsewhere.example/", ascii: rows)
        XCTAssertFalse(KitFixture.text(Site(data).build(), "print/week-2027-W02.html")!.contains("class=\"qr\""))
    }

    func testAPosterKeepsToOnePageAndToThePublishedCounts() throws {
        var campaign = KitFixture.campaign()
        campaign.demands = (1...7).map { Demand(id: "d\($0)", text: "Demand \($0)", target: "Council \($0)", funding: "Fund") }
        let entries = SiteFixture.entries(3, from: "2027-01-11T09:00").map { e -> LedgerEntry in var e = e; e.demand = nil; return e }
            + SiteFixture.entries(12, from: "2027-01-04T09:00").map { e -> LedgerEntry in var e = e; e.demand = nil; return e }
        let poster = try XCTUnwrap(KitFixture.text(Site(KitFixture.data(campaign: campaign, entries: entries)).build(), "print/week-2027-W02.html"))
        XCTAssertTrue(poster.contains("<strong>fewer than 5</strong> acts of care"), poster)
        XCTAssertTrue(poster.contains("Demand 4") && !poster.contains("Demand 5"))
        XCTAssertTrue(poster.contains("<li class=\"more\">… and 3 demands more at https://care.example.org/.</li>"), poster)
        XCTAssertTrue(poster.contains("<h2 id=\"clock\">Deadline clock</h2>"))
        XCTAssertNil(Site(KitFixture.data()).render(path: "/print/week-2031-W01.html"))
    }

    func testAQRCodeIsReadOnlyFromASquareOfModules() {
        XCTAssertNil(QRCode(text: "x", ascii: "##  \n  ##\n"), "too small for a QR code")
        let rows = (0..<21).map { _ in String(repeating: "##  ", count: 10) + "##" }.joined(separator: "\n")
        let code = QRCode(text: "x", ascii: rows)
        XCTAssertEqual(code?.size, 21)
        XCTAssertEqual(code?.isDark(x: 0, y: 0), true)
        XCTAssertEqual(code?.isDark(x: 1, y: 0), false)
        XCTAssertNil(QRCode(text: "x", ascii: rows.replacingOccurrences(of: "##  ", with: "#x  ")))
    }
}
