import CrescendoCore

/// The public site: a pure function from `SiteData` to files. No I/O happens here;
/// `SiteWriter` writes the files, and the daemon serves `render(path:)` live from the same code.
///
/// Every output passes the privacy rules: counts below `privacy.min_count` read "fewer than
/// N", complementary cells are withheld, free text is redacted again, areas are only the
/// declared ones. See docs/publishing.md.
public struct Site: Sendable {
    let model: SiteModel

    /// Prepares the site: suppression, redaction and languages are worked out once.
    public init(_ data: SiteData) { model = SiteModel(data) }

    /// Every path of the site, sorted, e.g. `index.html`, `stories/fr/001.html`, `calendar.ics`.
    public var paths: [String] {
        var p = ["index.html", "style.css", "charts.html", "money.html", "calendar.html", "calendar.ics", "feed.json",
                 "stories/index.html", "weekly/index.html"]
        p += model.stories.map { "stories/\($0.label).html" }
        for lang in model.languages {
            p += ["stories/\(lang)/index.html", "feed.\(lang).json"]
            p += model.stories.map { "stories/\(lang)/\($0.label).html" }
        }
        for w in model.counts.weeks { p += ["weekly/\(w).html", "weekly/\(w).md", "print/week-\(w).html"] }
        p += DataPackage.files(model).keys
        p += svgCardPaths + guidePaths + model.clock.silent.map { "silence/\($0.record.number).html" }
        return p.sorted()
    }

    /// Every card's SVG: `cards/story-001.svg`, `cards/fr/silence-2.svg`, `cards/week-2027-W05.svg`, ...
    public var svgCardPaths: [String] {
        let names = cardNames
        return ([nil] + model.kitLanguages.map(Optional.some)).flatMap { lang in names.map { Self.cardFolder(lang) + $0 + ".svg" } }
    }

    /// The PNG of every card, rendered from its SVG (`cards/story-001.png` from `cards/story-001.svg`)
    /// by CrescendoRender, which the pages' `og:image` tags point at.
    public var pngCardPaths: [String] { svgCardPaths.map { String($0.dropLast(4)) + ".png" } }

    /// Every file of the site, by path.
    public func build() -> [String: SiteFile] {
        let data = DataPackage.files(model), cards = cards()
        var out: [String: SiteFile] = [:]
        for path in paths {
            guard let text = data[path] ?? cards[path] ?? page(path) else { continue }
            out[path] = SiteFile(contentType: SiteFile.contentType(for: path), bytes: Array(text.utf8))
        }
        return out
    }

    /// The file for a request path (`/`, `/stories/`, `/weekly/2027-W05.md`, ...), or nil.
    public func render(path requested: String) -> SiteFile? {
        guard let path = Self.sitePath(requested) else { return nil }
        let text: String?
        if path.hasPrefix("data/") || path == "datapackage.json" { text = DataPackage.files(model)[path] } else { text = page(path) }
        return text.map { SiteFile(contentType: SiteFile.contentType(for: path), bytes: Array($0.utf8)) }
    }

    /// One file rendered live for a request path from `data`, for the daemon.
    public static func render(path: String, data: SiteData) -> SiteFile? { Site(data).render(path: path) }

    /// The text of a page or export that is not part of the data package.
    func page(_ path: String) -> String? {
        switch path {
        case "index.html": return home()
        case "style.css": return Stylesheet.css
        case "charts.html": return chartsPage()
        case "money.html": return moneyPage()
        case "calendar.html": return calendarPage()
        case "calendar.ics": return calendarICS()
        case "feed.json": return JSONFeed.render(model, language: nil)
        case "stories/index.html": return storiesIndex(language: nil)
        case "weekly/index.html": return weeklyIndex()
        default: break
        }
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "cards": return card(path)
        case "guides": return guide(path)
        case "print" where parts.count == 2 && parts[1].hasPrefix("week-") && parts[1].hasSuffix(".html"):
            let week = String(parts[1].dropFirst(5).dropLast(5))
            return model.counts.weeks.contains(week) ? posterPage(week) : nil
        case "silence" where parts.count == 2 && parts[1].hasSuffix(".html"):
            return Int(parts[1].dropLast(5)).flatMap(model.clock.silence).map(silencePage)
        default: break
        }
        if parts.count == 1, path.hasPrefix("feed."), path.hasSuffix(".json") {
            let lang = String(path.dropFirst(5).dropLast(5))
            return model.languages.contains(lang) ? JSONFeed.render(model, language: lang) : nil
        }
        if parts.count == 2, parts[0] == "weekly" {
            let name = parts[1]
            if name.hasSuffix(".html"), model.counts.weeks.contains(String(name.dropLast(5))) { return weeklyPage(String(name.dropLast(5))) }
            if name.hasSuffix(".md"), model.counts.weeks.contains(String(name.dropLast(3))) { return weeklyMarkdown(String(name.dropLast(3))) }
            return nil
        }
        if parts.first == "stories", parts.count == 2 || parts.count == 3 {
            let lang = parts.count == 3 ? parts[1] : nil
            if let lang, !model.languages.contains(lang) { return nil }
            let name = parts.last!
            if name == "index.html" { return storiesIndex(language: lang) }
            guard name.hasSuffix(".html"), let i = model.stories.firstIndex(where: { "\($0.label).html" == name }) else { return nil }
            return storyPage(i, language: lang)
        }
        return nil
    }

    /// A page frame with the site's title.
    func layout(_ path: String, title: String) -> PageLayout {
        var page = PageLayout(path: path, title: title, siteTitle: model.campaign.title)
        page.publicURL = model.publicURL
        return page
    }

    /// "2027-03-14 09:00" in the campaign's zone.
    func local(_ t: Instant) -> String { model.campaign.zone.short(t) }
}
