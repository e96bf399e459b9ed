import CrescendoCore

extension Site {
    /// Names of languages for the switch; others show their code.
    static let languageNames = ["en": "English", "fr": "Français", "es": "Español", "de": "Deutsch", "pt": "Português",
                                "it": "Italiano", "nl": "Nederlands", "ar": "العربية", "zh": "中文", "tl": "Tagalog"]

    /// The language switch for a page that exists in every story language: the default
    /// (taken as English) and each `story.xx` variant.
    func alternates(_ name: String) -> [(label: String, lang: String, path: String)] {
        guard !model.languages.isEmpty else { return [] }
        var out: [(label: String, lang: String, path: String)] = [(label: "English", lang: "en", path: "stories/\(name)")]
        for lang in model.languages {
            out.append((label: Self.languageNames[lang] ?? lang, lang: lang, path: "stories/\(lang)/\(name)"))
        }
        return out
    }

    /// The `lang` of a story rendered in `language`: the variant's, or the default's when it falls back.
    func storyLang(_ language: String?) -> String {
        guard let language, model.campaign.templates["story.\(language)"] != nil else { return "en" }
        return language
    }

    /// `stories/index.html` or `stories/xx/index.html`.
    func storiesIndex(language: String?) -> String {
        let path = language.map { "stories/\($0)/index.html" } ?? "stories/index.html"
        var page = layout(path, title: "Stories")
        page.alternates = alternates("index.html")
        var s = "<h1>Stories</h1>\n<p>Each act of care in the ledger, numbered, with its cause and the change it calls for. Names, addresses, phone numbers and e-mail addresses are removed before anything is published.</p>\n"
        guard !model.stories.isEmpty else { return page.render(s + "<p>No stories yet.</p>\n") }
        s += "<ul class=\"stories\">\n"
        let lang = storyLang(language)
        for story in model.stories.reversed() {
            // The template usually names the story ("Care Ledger 001: ..."), so its text is the link.
            s += "<li><a href=\"\(story.label).html\" lang=\"\(lang)\">\(model.storyText(story, language: language, html: true))</a></li>\n"
        }
        return page.render(s + "</ul>\n")
    }

    /// `stories/001.html` or `stories/xx/001.html`.
    func storyPage(_ index: Int, language: String?) -> String {
        let story = model.stories[index]
        let name = "\(story.label).html"
        let path = language.map { "stories/\($0)/\(name)" } ?? "stories/\(name)"
        var page = layout(path, title: "Care Ledger \(story.label)")
        page.alternates = alternates(name)
        let text = model.storyText(story, language: language, html: false)
        page.share = shareTags(card: "story-\(story.label)", language: language, title: "Care Ledger \(story.label)", description: text)
        var s = "<h1>Care Ledger \(story.label)</h1>\n"
        s += "<p class=\"story\" lang=\"\(storyLang(language))\">\(model.storyText(story, language: language, html: true))</p>\n"
        s += "<h2>Care, cause and change</h2>\n<dl class=\"story\">\n"
        for (label, text) in [("Care", story.care), ("Cause", story.cause), ("Change", story.change)] {
            s += "<dt>\(label)</dt><dd>\(HTML.escape(text ?? "Not given"))</dd>\n"
        }
        s += "</dl>\n"
        if let d = story.demand {
            s += "<h2>The demand</h2>\n<p>\(HTML.escape(d.text)): \(HTML.escape(d.target)) must act; \(HTML.escape(d.funding)) pays.</p>\n"
        }
        s += shareSection(card: "story-\(story.label)", language: language, page: page, alt: text)
        s += "<nav aria-label=\"Other stories\"><ul>\n"
        if index > 0 { s += "<li><a href=\"\(model.stories[index - 1].label).html\" rel=\"prev\">Care Ledger \(model.stories[index - 1].label)</a></li>\n" }
        s += "<li><a href=\"index.html\">All stories</a></li>\n"
        if index + 1 < model.stories.count { s += "<li><a href=\"\(model.stories[index + 1].label).html\" rel=\"next\">Care Ledger \(model.stories[index + 1].label)</a></li>\n" }
        return page.render(s + "</ul></nav>\n")
    }
}
