/// The frame of every page: `lang`, title, stylesheet, skip link, navigation, footer.
struct PageLayout {
    /// The page's path in the site, e.g. `stories/fr/001.html`.
    var path: String
    var title: String
    var siteTitle: String
    var lang: String = "en"
    /// Extra links in the header (the language switch).
    var alternates: [(label: String, lang: String, path: String)] = []
    /// The share card's tags, on pages that have a card.
    var share: ShareTags?
    /// Where the site is served, for absolute share links.
    var publicURL: String?

    /// The relative way back to the site's root from this page, e.g. `../../`.
    var root: String { String(repeating: "../", count: path.split(separator: "/").count - 1) }

    /// A link to another page of the site, relative to this one.
    func link(_ target: String) -> String { root + target }

    static let sections: [(path: String, label: String)] = [
        ("index.html", "Ledger"), ("stories/index.html", "Stories"), ("weekly/index.html", "Weekly reports"),
        ("charts.html", "Charts"), ("money.html", "Money flows"), ("calendar.html", "Calendar"),
    ]

    func render(_ body: String) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"\(HTML.escape(lang))\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(HTML.escape(title == siteTitle ? title : "\(title) · \(siteTitle)"))</title>\n"
        s += "<link rel=\"stylesheet\" href=\"\(link("style.css"))\">\n"
        s += "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Stories\" href=\"\(link("feed.json"))\">\n"
        for a in alternates { s += "<link rel=\"alternate\" hreflang=\"\(HTML.escape(a.lang))\" href=\"\(link(a.path))\">\n" }
        if let share { s += share.meta(page: path, root: root, publicURL: publicURL) }
        s += "</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header>\n"
        s += "<p class=\"site\"><a href=\"\(link("index.html"))\">\(HTML.escape(siteTitle))</a></p>\n"
        s += "<nav aria-label=\"Sections\"><ul>\n"
        for (p, label) in Self.sections {
            let current = p == path || (p != "index.html" && path.hasPrefix(p.split(separator: "/").first.map(String.init)! + "/"))
            s += "<li><a href=\"\(link(p))\"\(current ? " aria-current=\"page\"" : "")>\(label)</a></li>\n"
        }
        s += "</ul></nav>\n"
        if !alternates.isEmpty {
            s += "<nav aria-label=\"Language\"><ul class=\"langs\">\n"
            for a in alternates {
                s += "<li><a href=\"\(link(a.path))\" hreflang=\"\(HTML.escape(a.lang))\" lang=\"\(HTML.escape(a.lang))\"\(a.path == path ? " aria-current=\"page\"" : "")>\(HTML.escape(a.label))</a></li>\n"
            }
            s += "</ul></nav>\n"
        }
        s += "</header>\n<main id=\"main\">\n\(body)</main>\n<footer>\n"
        s += "<p>Open data: <a href=\"\(link("datapackage.json"))\">data package</a> · <a href=\"\(link("calendar.ics"))\">calendar (iCalendar)</a> · <a href=\"\(link("feed.json"))\">stories feed (JSON Feed)</a>. "
        s += "Counts below the campaign's privacy threshold are shown as “fewer than N”.</p>\n</footer>\n</body>\n</html>\n"
        return s
    }
}
