import CrescendoCore
@testable import CrescendoPublish
import XCTest

/// The share cards: well-formed SVG of 1200 × 630 in the campaign's colour, every line inside
/// the card in DejaVu Sans, markup a person typed drawn as text, and counts as the site shows them.
final class KitCardTests: XCTestCase {
    func testEveryCardIsWellFormedSVGOf1200By630InItsLanguage() throws {
        let site = Site(KitFixture.data())
        let files = site.build()
        let cards = files.keys.filter { $0.hasPrefix("cards/") }.sorted()
        XCTAssertEqual(cards, site.svgCardPaths.sorted())
        XCTAssertEqual(Set(site.pngCardPaths), Set(cards.map { String($0.dropLast(4)) + ".png" }))
        for kind in ["story-001", "story-046", "week-2027-W01", "week-2027-W03", "silence-1"] {
            for folder in ["cards/", "cards/es/", "cards/fr/"] { XCTAssertTrue(cards.contains("\(folder)\(kind).svg"), "\(folder)\(kind).svg") }
        }
        for path in cards {
            let card = try ParsedCard(KitFixture.text(files, path)!)
            XCTAssertEqual(card.root["width"], "1200", path)
            XCTAssertEqual(card.root["height"], "630", path)
            XCTAssertEqual(card.root["viewBox"], "0 0 1200 630", path)
            XCTAssertEqual(card.root["xml:lang"], path.hasPrefix("cards/fr/") ? "fr" : path.hasPrefix("cards/es/") ? "es" : "en", path)
            XCTAssertFalse(card.title.isEmpty, path)
            XCTAssertEqual(files[path]?.contentType, "image/svg+xml")
        }
    }

    func testACardCarriesTheBrandAndItsStory() throws {
        let files = Site(KitFixture.data()).build()
        let svg = try XCTUnwrap(KitFixture.text(files, "cards/story-001.svg"))
        let card = try ParsedCard(svg)
        XCTAssertTrue(svg.contains("fill=\"#2d5f8b\""), "the brand's colour")
        XCTAssertEqual(card.texts.first?.content, "Care Ledger 001")
        for text in ["CARE", "Delivered masks to a shelter", "CAUSE", "Shelters have no PPE budget line", "CHANGE", "A permanent PPE budget",
                     "DEMAND", "#PaidSickLeaveNow #CareLedger", "care.example.org"] {
            XCTAssertTrue(card.texts.contains { $0.content == text }, "\(text) in \(card.texts.map(\.content))")
        }
        XCTAssertTrue(card.allText.contains("Universal paid sick leave. Ministry of Labour must act."), card.allText)
        let french = try ParsedCard(KitFixture.text(files, "cards/fr/story-001.svg")!)
        XCTAssertTrue(french.texts.contains { $0.content == "SOIN" } && french.allText.contains("Ministry of Labour doit agir."), french.allText)
        let spanish = try ParsedCard(KitFixture.text(files, "cards/es/week-2027-W01.svg")!)
        XCTAssertEqual(spanish.texts.first?.content, "Semana 2027-W01")
    }

    func testMarkupAPersonTypedIsTextOnACardNeverAnElement() throws {
        var entries = SiteFixture.entries(6, from: "2027-01-04T09:00")
        entries[0].care = "<script>alert(\"hi\")</script> & </text><text>'quoted' \"twice\" <b>bold</b>\u{7}"
        entries[0].cause = String(repeating: "Unbreakablewordwithoutanyspaces", count: 12)
        entries[0].change = String(repeating: "A very long change that goes on. ", count: 60)
        let files = Site(KitFixture.data(entries: entries)).build()
        for path in ["cards/story-001.svg", "cards/fr/story-001.svg"] {
            let card = try ParsedCard(KitFixture.text(files, path)!)
            XCTAssertEqual(Set(card.elements), ["svg", "title", "rect", "text"], path)
            XCTAssertTrue(card.allText.contains("<script>alert(\"hi\")</script> & </text><text>'quoted' \"twice\" <b>bold</b>"), card.allText)
            XCTAssertTrue(card.title.contains("<script>"), "the accessible name holds the text as text")
            XCTAssertFalse(card.allText.contains("\u{7}"), "characters XML forbids are left out")
            // The long word is broken to fit, and the long change is cut with an ellipsis.
            let body = card.texts.filter { $0.attributes["font-size"] == "32.0" }.map(\.content)
            XCTAssertLessThanOrEqual(body.count, 6, "\(body)")
            XCTAssertTrue(body.contains { $0.hasPrefix("Unbreakablewordwithout") }, "\(body)")
            XCTAssertTrue(body.last?.hasSuffix("…") ?? false, "\(body)")
        }
    }

    func testEveryLineOfEveryCardFitsInsideTheCard() throws {
        var entries = SiteFixture.entries(8, from: "2027-01-04T09:00")
        entries[1].care = String(repeating: "W", count: 300)
        entries[2].care = String(repeating: "中文字", count: 100)
        entries[3].change = String(repeating: "Ünïcödé façade naïve ", count: 40)
        var campaign = KitFixture.campaign()
        campaign.demands[0].target = String(repeating: "Ministry of Labour and Long Words ", count: 6)
        campaign.brand.hashtags = (1...30).map { "#Hashtag\($0)" }
        let files = Site(KitFixture.data(campaign: campaign, entries: entries)).build()
        var lines = 0
        for (path, file) in files where path.hasPrefix("cards/") {
            for text in try ParsedCard(String(decoding: file.bytes, as: UTF8.self)).texts {
                let x = Double(text.attributes["x"] ?? "0")!, size = Double(text.attributes["font-size"] ?? "0")!
                let width = TextMeasure.width(text.content, size: size, bold: text.attributes["font-weight"] == "bold")
                let (left, right) = text.attributes["text-anchor"] == "end" ? (x - width, x) : (x, x + width)
                XCTAssertGreaterThanOrEqual(left, Card.margin - 0.01, "\(path): \(text.content)")
                XCTAssertLessThanOrEqual(right, Card.width - Card.margin + 0.01, "\(path): \(text.content)")
                XCTAssertLessThan(Double(text.attributes["y"]!)!, 630, path)
                lines += 1
            }
        }
        XCTAssertGreaterThan(lines, 100)
    }

    func testWeekCardsShowCountsAsTheSiteSuppressesThem() throws {
        // 12 entries in week 1, 3 in week 2 (fewer than the threshold), 20 in week 3: week 2 is
        // "fewer than 5", and week 1 is withheld so that week 2 cannot be worked out from the total.
        let entries = SiteFixture.entries(12, from: "2027-01-04T09:00") + SiteFixture.entries(3, from: "2027-01-11T09:00", kind: "childcare_hours")
            + SiteFixture.entries(20, from: "2027-01-18T09:00")
        let files = Site(KitFixture.data(entries: entries)).build()
        func card(_ path: String) throws -> ParsedCard { try ParsedCard(KitFixture.text(files, path)!) }
        XCTAssertTrue(try card("cards/week-2027-W02.svg").texts.contains { $0.content == "fewer than 5 acts of care" })
        XCTAssertTrue(try card("cards/week-2027-W01.svg").texts.contains { $0.content == "withheld acts of care" })
        XCTAssertTrue(try card("cards/week-2027-W03.svg").texts.contains { $0.content == "20 acts of care" })
        let week3 = try card("cards/week-2027-W03.svg")
        XCTAssertTrue(week3.texts.contains { $0.content == "59 masks" }, week3.allText)
        XCTAssertTrue(try card("cards/fr/week-2027-W02.svg").texts.contains { $0.content == "moins de 5 actes de soin" })
        XCTAssertTrue(try card("cards/fr/week-2027-W01.svg").texts.contains { $0.content == "masqué actes de soin" })
        for week in ["2027-W01", "2027-W02"] {
            let all = try card("cards/week-\(week).svg").allText
            XCTAssertFalse(all.contains("12 ") || all.contains("3 acts") || all.contains("36 masks") || all.contains("6 hours"), all)
        }
        // The weekly pages say the same.
        XCTAssertTrue(KitFixture.text(files, "weekly/2027-W02.html")!.contains("fewer than 5"))
        XCTAssertTrue(try card("cards/week-2027-W01.svg").allText.contains("2027-01-04 – 2027-01-10"))
    }

    func testASilenceCardForEachMissedDeadline() throws {
        let site = Site(KitFixture.data())
        let files = site.build()
        // Deadline 1 (the 10th entry's briefing, 7 days to answer) came due on the 11th; nobody answered.
        let card = try ParsedCard(KitFixture.text(files, "cards/silence-1.svg")!)
        XCTAssertEqual(card.texts.first?.content, "Ministry of Labour")
        XCTAssertTrue(card.texts.contains { $0.content.hasSuffix("days of silence") }, card.allText)
        XCTAssertTrue(card.allText.contains("“Universal paid sick leave”"), card.allText)
        let french = try ParsedCard(KitFixture.text(files, "cards/fr/silence-1.svg")!)
        XCTAssertTrue(french.texts.contains { $0.content.hasSuffix("jours de silence") }, french.allText)
        XCTAssertTrue(site.paths.contains("silence/1.html"))
        XCTAssertNil(files["cards/silence-99.svg"])
        XCTAssertNil(site.render(path: "/cards/silence-99.svg"))
        XCTAssertNil(site.render(path: "/cards/de/story-001.svg"), "German is not a language of this campaign")
        XCTAssertEqual(site.render(path: "/cards/fr/story-001.svg"), files["cards/fr/story-001.svg"])
    }

    func testLinesAreSharedSoALongCareDoesNotCrowdOutTheChange() {
        XCTAssertEqual(Site.share(6, among: [7, 1, 1]), [4, 1, 1])
        XCTAssertEqual(Site.share(6, among: [7, 7, 7]), [2, 2, 2])
        XCTAssertEqual(Site.share(6, among: [1, 5, 0]), [1, 5, 0])
        XCTAssertEqual(Site.share(6, among: [3, 3, 3]), [2, 2, 2])
        XCTAssertEqual(Site.share(6, among: []), [])
    }

    func testTextIsWrappedAtSpacesBrokenInsideLongWordsAndCut() {
        let wrap = TextWrapper(width: 300, size: 30)
        XCTAssertEqual(TextWrapper.clean(" a \n\t b\u{0}c\u{FFFE}  "), "a bc")
        XCTAssertEqual(TextWrapper.clean("a\u{00A0}b"), "a\u{00A0}b", "a no-break space joins words")
        let lines = wrap.lines("the quick brown fox jumps over the lazy dog again and again", maxLines: 2)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasSuffix("…"))
        XCTAssertTrue(lines.allSatisfy { TextMeasure.width($0, size: 30, bold: false) <= 300 }, "\(lines)")
        let word = wrap.lines(String(repeating: "m", count: 40), maxLines: 9)
        XCTAssertGreaterThan(word.count, 1)
        XCTAssertEqual(word.joined(), String(repeating: "m", count: 40))
        XCTAssertEqual(wrap.lines("   ", maxLines: 3), [])
        XCTAssertEqual(TextWrapper(width: 400, size: 50, bold: true).fittingSize("short", minimum: 10), 50)
        XCTAssertLessThan(TextWrapper(width: 100, size: 50, bold: true).fittingSize("a much longer line", minimum: 10), 50)
        XCTAssertEqual(TextMeasure.width("a", size: 1000, bold: false), 613, "DejaVu Sans's own advance")
        XCTAssertEqual(TextMeasure.width("中", size: 1000, bold: false), 1000, "a wide character DejaVu lacks")
    }
}
