import CrescendoCore

extension Site {
    /// The language and name of a kit file's path: `cards/fr/story-001.svg` in `cards` with
    /// `.svg` is (`fr`, `story-001`), `cards/story-001.svg` is (nil, `story-001`); nil for
    /// another folder or extension, or a language the kit does not have.
    func kitFile(_ path: String, in folder: String, ext: String) -> (language: String?, name: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.first == folder, parts.count == 2 || parts.count == 3, parts.last!.hasSuffix(ext) else { return nil }
        let language = parts.count == 3 ? parts[1] : nil
        if let language, !model.kitLanguages.contains(language) { return nil }
        return (language, String(parts.last!.dropLast(ext.count)))
    }

    /// The share card of a page: its PNG shown small, links to the PNG and the SVG, and the
    /// campaign's hashtags to post it with.
    func shareSection(card name: String, language: String?, page: PageLayout, alt: String) -> String {
        let folder = Self.cardFolder(language)
        var s = "<h2>Share</h2>\n<figure class=\"card\">\n"
        s += "<img src=\"\(page.link(folder + name + ".png"))\" width=\"600\" height=\"315\" alt=\"\(HTML.escape(TextWrapper.clean(alt)))\">\n"
        s += "<figcaption>The share card: <a href=\"\(page.link(folder + name + ".png"))\">PNG</a> · <a href=\"\(page.link(folder + name + ".svg"))\">SVG</a>"
        let tags = model.campaign.brand.hashtags
        if !tags.isEmpty { s += " · post it with <span class=\"tags\">\(HTML.escape(tags.joined(separator: " ")))</span>" }
        return s + "</figcaption>\n</figure>\n"
    }

    /// The share tags of a page whose card is `name` (`story-001`) in `language`.
    func shareTags(card name: String, language: String?, title: String, description: String) -> ShareTags {
        ShareTags(title: title, description: ShareTags.excerpt(description), image: Self.cardFolder(language) + name + ".png",
                  imageAlt: ShareTags.excerpt(description, limit: 400))
    }

    /// `silence/2.html`: one missed deadline, its days of silence and the demand, with its card.
    func silencePage(_ line: DeadlineClock.Line) -> String {
        let d = line.record
        let demand = model.campaign.demand(d.demand)
        let heading = "\(d.target): \(KitWords.english.silence(line.days))"
        var page = layout("silence/\(d.number).html", title: heading)
        let sentence = "\(d.target) has not answered on “\(demand?.text ?? d.demand)” since the People's Briefing of \(model.campaign.zone.local(d.opened).date)."
        page.share = shareTags(card: "silence-\(d.number)", language: nil, title: heading, description: sentence)
        var s = "<h1>\(HTML.escape(heading))</h1>\n<p class=\"lede\">\(HTML.escape(sentence)) The deadline to answer was \(local(d.due)).</p>\n"
        if let answered = line.answeredLate {
            s += "<p>They answered on \(local(answered)), after \(HTML.escape(KitWords.english.silence(line.days))): “\(HTML.escape(model.redact(d.response ?? "")))”</p>\n"
        }
        if let demand {
            s += "<h2>The demand</h2>\n<p>\(HTML.escape(demand.text)): \(HTML.escape(demand.target)) must act; \(HTML.escape(demand.funding)) pays.</p>\n"
        }
        s += shareSection(card: "silence-\(d.number)", language: nil, page: page, alt: heading + ". " + sentence)
        return page.render(s + "<p><a href=\"../index.html\">The deadline clock</a></p>\n")
    }
}
