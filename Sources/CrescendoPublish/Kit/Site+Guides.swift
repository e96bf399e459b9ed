import CrescendoCore

extension Site {
    /// `guides/SLUG.html`, and `guides/xx/SLUG.html` for each of the kit's languages.
    var guidePaths: [String] {
        model.campaign.guides.flatMap { g in ["guides/\(g.slug).html"] + model.kitLanguages.map { "guides/\($0)/\(g.slug).html" } }
    }

    /// The page of a guide path, or nil.
    func guide(_ path: String) -> String? {
        guard let (language, slug) = kitFile(path, in: "guides", ext: ".html") else { return nil }
        return model.campaign.guides.first { $0.slug == slug }.map { guidePage($0, language: language) }
    }

    /// A guide in `language`: its variant, or the default with a note saying it is not translated.
    func guidePage(_ guide: Guide, language: String?) -> String {
        let name = "\(guide.slug).html"
        let path = language.map { "guides/\($0)/\(name)" } ?? "guides/\(name)"
        let translated = language.map { guide.variants[$0] != nil } ?? true
        let rendered = GuideMarkdown.render(guide.text(for: language).markdown)
        let heading = rendered.heading ?? guide.title
        let lang = translated ? (language ?? "en") : "en"
        var page = layout(path, title: heading)
        if !model.kitLanguages.isEmpty {
            page.alternates = [(label: "English", lang: "en", path: "guides/\(name)")]
                + model.kitLanguages.map { (label: Self.languageNames[$0] ?? $0, lang: $0, path: "guides/\($0)/\(name)") }
        }
        var s = "<article class=\"guide\" lang=\"\(HTML.escape(lang))\">\n<h1>\(HTML.escape(heading))</h1>\n"
        if let language, !translated {
            let known = KitWords.table[language] != nil
            let words = KitWords.words(language)
            s += "<p class=\"note\" lang=\"\(known ? HTML.escape(language) : "en")\">\(HTML.escape(words[.untranslated, Self.languageNames[language] ?? language]))</p>\n"
        }
        s += rendered.html + "\n</article>\n"
        return page.render(s + "<p class=\"print-hint\">Print this page to hand it out: the navigation is left off paper.</p>\n")
    }

    /// The home page's list of guides, with their translations.
    func guideList() -> String {
        let guides = model.campaign.guides
        guard !guides.isEmpty else { return "" }
        var s = "<h2>Guides</h2>\n<ul class=\"guides\">\n"
        for g in guides {
            s += "<li><a href=\"guides/\(g.slug).html\">\(HTML.escape(g.title))</a>"
            let others = model.kitLanguages.filter { g.variants[$0] != nil }
            if !others.isEmpty {
                s += " (" + others.map { "<a href=\"guides/\($0)/\(g.slug).html\" hreflang=\"\($0)\" lang=\"\($0)\">\(HTML.escape(Self.languageNames[$0] ?? $0))</a>" }.joined(separator: ", ") + ")"
            }
            s += "</li>\n"
        }
        return s + "</ul>\n"
    }
}
