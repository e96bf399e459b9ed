import CrescendoCore

extension Site {
    /// What the page at a request path is rendered from (see `PageInput`), or nil when it
    /// shows the whole site or there is no such page: a caller keeping rendered pages renders
    /// a page with no input for every site.
    public func input(path requested: String) -> PageInput? {
        guard let path = Self.sitePath(requested) else { return nil }
        return source(path).map { PageInput(path: path, source: $0) }
    }

    private func source(_ path: String) -> PageInput.Source? {
        if path == "style.css" { return .campaign }
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "guides": return .campaign
        case "weekly" where parts.count == 2:
            let name = parts[1]
            let week = name.hasSuffix(".html") ? name.dropLast(5) : name.hasSuffix(".md") ? name.dropLast(3) : nil
            return week.flatMap { weekFigures(String($0)) }.map(PageInput.Source.week)
        case "print" where parts.count == 2 && parts[1].hasPrefix("week-") && parts[1].hasSuffix(".html"):
            let week = String(parts[1].dropFirst(5).dropLast(5))
            guard let figures = weekFigures(week) else { return nil }
            let clock = posterClock(week)
            return .poster(figures, silent: clock.silent, open: clock.open, qrCode: model.data.qrCode)
        case "silence" where parts.count == 2 && parts[1].hasSuffix(".html"):
            return Int(parts[1].dropLast(5)).flatMap(model.clock.silence).map(PageInput.Source.silence)
        case "stories" where parts.count == 2 || parts.count == 3:
            if parts.count == 3, !model.languages.contains(parts[1]) { return nil }
            let stories = model.stories
            guard let i = stories.firstIndex(where: { "\($0.label).html" == parts.last! }) else { return nil }
            return .story(stories[i], previous: i > 0 ? stories[i - 1].seq : nil, next: i + 1 < stories.count ? stories[i + 1].seq : nil)
        case "cards":
            guard let (_, name) = kitFile(path, in: "cards", ext: ".svg") else { return nil }
            if name.hasPrefix("story-") { return model.stories.first { "story-\($0.label)" == name }.map(PageInput.Source.storyCard) }
            if name.hasPrefix("silence-") { return Int(name.dropFirst(8)).flatMap(model.clock.silence).map(PageInput.Source.silence) }
            if name.hasPrefix("week-") { return weekFigures(String(name.dropFirst(5))).map(PageInput.Source.week) }
            return nil
        default: return nil
        }
    }

    /// The figures of a week the site has, as its pages show them.
    func weekFigures(_ week: String) -> WeekFigures? {
        let c = model.counts
        guard c.weeks.contains(week) else { return nil }
        var cells = [c.entries(week: week)] + c.metrics.map { c.entries(week: week, metric: $0) }
        for area in c.areas { cells += c.metrics.map { c.entries(week: week, area: area, metric: $0) } + [c.entries(week: week, area: area)] }
        let context = weeklyContext(week)
        let sentences = [model.templates.render(template: "weekly", context: context),
                         model.templates.render("weekly", language: nil, context: context, escapingHTML: true)]
        return WeekFigures(week: week, metrics: c.metrics, areas: c.areas, cells: cells,
                           quantities: c.metrics.map { c.quantity(week: week, metric: $0) }, sentences: sentences)
    }

    /// The site path of a request path: no leading slash or query, `index.html` for a folder;
    /// nil for a path that climbs out of the site.
    public static func sitePath(_ requested: String) -> String? {
        var path = String(requested.drop { $0 == "/" })
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path.split(separator: "/").contains("..") ? nil : path
    }
}
