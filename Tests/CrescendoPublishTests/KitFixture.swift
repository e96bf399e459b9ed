import CrescendoCore
import CrescendoPublish
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The site fixture with the communications kit: a brand, a guide with a French translation,
/// and templates in French and Spanish (so Spanish is a kit language without a guide variant).
enum KitFixture {
    static let guide = Guide(slug: "er-or-hotline", title: "When to go to the ER",
                             text: .init(file: "guides/er.md", markdown: "# When to go to the ER, and when to call\n\nCall the hotline **first**.\n\n## Go to the ER when\n\n- someone cannot breathe\n- a baby has a fever\n\nSee <abbr title=\"emergency room\">ER</abbr> & more.\n"),
                             variants: ["fr": .init(file: "guides/er.fr.md", markdown: "# Quand aller aux urgences\n\nAppelez d'abord.\n")])

    static func campaign(brand: Brand = Brand(hashtags: ["#PaidSickLeaveNow", "#CareLedger"], color: "#2d5f8b", url: "https://care.example.org/"),
                         minCount: Int = 5) -> Campaign {
        var c = SiteFixture.campaign(minCount: minCount)
        c.brand = brand
        c.guides = [guide]
        c.templates["silence.es"] = "{{target}} no ha respondido."
        return c
    }

    /// The standard month of entries under the kit campaign.
    static func data(campaign c: Campaign = campaign(), entries: [LedgerEntry]? = nil, now: String = "2027-01-20T12:00") -> SiteData {
        let entries = entries ?? SiteFixture.entries(25, from: "2027-01-04T09:00")
            + SiteFixture.entries(12, from: "2027-01-11T09:00", kind: "childcare_hours") + SiteFixture.entries(9, from: "2027-01-18T09:00")
        return SiteFixture.data(campaign: c, entries: entries, now: now)
    }

    static func text(_ files: [String: SiteFile], _ path: String) -> String? {
        files[path].map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

/// An SVG card read back as XML: its root's attributes, its elements' names, and its `<text>`
/// elements with their attributes and content.
struct ParsedCard {
    struct Text { var attributes: [String: String]; var content: String }
    var root: [String: String] = [:]
    var elements: [String] = []
    var texts: [Text] = []
    var title = ""

    init(_ svg: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        self = delegate.card
    }

    /// Every text's content, joined by spaces.
    var allText: String { texts.map(\.content).joined(separator: " ") }

    private final class Delegate: NSObject, XMLParserDelegate {
        var card = ParsedCard(empty: ())
        private var inText = false, inTitle = false
        func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if card.elements.isEmpty { card.root = attributes }
            card.elements.append(name)
            if name == "text" { card.texts.append(Text(attributes: attributes, content: "")); inText = true }
            if name == "title" { inTitle = true }
        }
        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
            if name == "title" { inTitle = false }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) {
            if inText { card.texts[card.texts.count - 1].content += s }
            if inTitle { card.title += s }
        }
    }

    private init(empty: ()) {}
}
