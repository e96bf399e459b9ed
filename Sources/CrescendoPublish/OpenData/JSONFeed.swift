import CrescendoCore

/// A JSON Feed 1.1 of the stories, newest first, as plain text through the `story`
/// template. Items carry no date: stories must not be joinable to the suppressed tables.
enum JSONFeed {
    static func render(_ m: SiteModel, language: String?) -> String {
        let root = m.publicURL
        let prefix = (root ?? "") + (language.map { "stories/\($0)/" } ?? "stories/")
        let items: [JSONValue] = m.stories.reversed().map { s in
            var members: [(String, JSONValue)] = [
                ("id", .string("\(m.campaign.id)/care-ledger-\(s.label)")),
                ("url", .string("\(prefix)\(s.label).html")),
                ("title", .string("Care Ledger \(s.label)")),
                ("content_text", .string(m.storyText(s, language: language, html: false))),
            ]
            if let d = s.demand { members.append(("tags", .array([.string(d.id)]))) }
            return .object(members)
        }
        var links: [(String, JSONValue)] = []
        if let base = root {
            links = [("home_page_url", .string(base)), ("feed_url", .string(base + (language.map { "feed.\($0).json" } ?? "feed.json")))]
        }
        return JSONValue.object([
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string("\(m.campaign.title): Care Ledger stories")),
        ] + links + [
            ("description", .string("Acts of care, each with the cause that made it necessary and the change that would make it unnecessary.")),
            ("language", .string(language ?? "en")),
            ("items", .array(items)),
        ]).prettyText
    }
}
