/// The Open Graph and Twitter card tags of a page that has a share card, so that a shared
/// link shows the card: `og:title`, `og:description`, `og:image` (the card's PNG, absolute
/// when the site's address is known) and `twitter:card`.
struct ShareTags: Sendable {
    var title: String
    var description: String
    /// The card's PNG, a path in the site (`cards/story-001.png`).
    var image: String
    /// The card's text, for those who cannot see it.
    var imageAlt: String

    /// The `<meta>` elements for a page at `page` (a path in the site) of a site served at
    /// `publicURL` (absolute links) or at an unknown address (links relative to the page).
    func meta(page: String, root: String, publicURL: String?) -> String {
        func link(_ path: String) -> String { publicURL.map { $0 + path } ?? root + path }
        var tags: [(String, String, String)] = [
            ("property", "og:type", "article"), ("property", "og:title", title), ("property", "og:description", description),
            ("property", "og:image", link(image)), ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", "1200"), ("property", "og:image:height", "630"), ("property", "og:image:alt", imageAlt),
        ]
        if let publicURL { tags.append(("property", "og:url", publicURL + page)) }
        tags += [("name", "twitter:card", "summary_large_image"), ("name", "description", description)]
        return tags.map { "<meta \($0.0)=\"\($0.1)\" content=\"\(HTML.escape(TextWrapper.clean($0.2)))\">\n" }.joined()
    }

    /// Text cut to about `limit` characters at a word, with "…", for descriptions.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let clean = TextWrapper.clean(text)
        guard clean.count > limit else { return clean }
        var cut = String(clean.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { cut = String(cut[..<space]) }
        return cut + "…"
    }
}
