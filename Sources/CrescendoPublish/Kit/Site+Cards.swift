import CrescendoCore

extension Site {
    /// The names of every card (`story-001`, `silence-2`, `week-2027-W05`), without folder or extension.
    var cardNames: [String] {
        model.stories.map { "story-\($0.label)" } + model.clock.silent.map { "silence-\($0.record.number)" }
            + model.counts.weeks.map { "week-\($0)" }
    }

    /// The folder of the cards in `language`: `cards/` or `cards/fr/`.
    static func cardFolder(_ language: String?) -> String { language.map { "cards/\($0)/" } ?? "cards/" }

    /// Every card's SVG by path, in the default language and each of the kit's languages.
    func cards() -> [String: String] {
        var out: [String: String] = [:]
        for language in [nil] + model.kitLanguages.map(Optional.some) {
            let folder = Self.cardFolder(language)
            for story in model.stories { out[folder + "story-\(story.label).svg"] = storyCard(story, language: language) }
            for line in model.clock.silent { out[folder + "silence-\(line.record.number).svg"] = silenceCard(line, language: language) }
            for week in model.counts.weeks { out[folder + "week-\(week).svg"] = weekCard(week, language: language) }
        }
        return out
    }

    /// One card for its path (`cards/fr/story-001.svg`), or nil.
    func card(_ path: String) -> String? {
        guard let (language, name) = kitFile(path, in: "cards", ext: ".svg") else { return nil }
        if name.hasPrefix("story-"), let story = model.stories.first(where: { "story-\($0.label)" == name }) {
            return storyCard(story, language: language)
        }
        if name.hasPrefix("silence-"), let n = Int(name.dropFirst(8)), let line = model.clock.silence(n) {
            return silenceCard(line, language: language)
        }
        if name.hasPrefix("week-"), model.counts.weeks.contains(String(name.dropFirst(5))) {
            return weekCard(String(name.dropFirst(5)), language: language)
        }
        return nil
    }

    private func blank(_ language: String?, summary: String) -> Card {
        let brand = model.campaign.brand
        let host = model.publicURL.map { url in
            String(url.drop { $0 != "/" }.drop { $0 == "/" }).trimmingSlash
        }
        return Card(palette: CardPalette(color: brand.color), lang: language ?? "en", summary: summary,
                    footLeft: brand.hashtags.isEmpty ? model.campaign.title : brand.hashtags.joined(separator: " "), footRight: host)
    }

    /// "Care Ledger 001", care, cause and change beside their labels, and the demand.
    func storyCard(_ story: PublicStory, language: String?) -> String {
        let words = KitWords.words(language)
        let blocks = [(words[.care], story.care), (words[.cause], story.cause), (words[.change], story.change)]
            .compactMap { label, text in text.map { (label, $0) } }
        let demand = story.demand.map { Self.sentence($0.text) + " " + words[.mustAct, $0.target] + "." }
        let summary = (["Care Ledger \(story.label)"] + blocks.map { "\($0.0): \($0.1)" } + (demand.map { ["\(words[.demand]): \($0)"] } ?? []))
            .joined(separator: ". ")
        var card = blank(language, summary: String(summary.prefix(1000)))
        let palette = card.palette
        card.line("Care Ledger \(story.label)", y: 104, size: 58, bold: true, fill: palette.heading)
        let labels = blocks.map(\.0) + (demand == nil ? [] : [words[.demand]])
        let labelWidth = (labels.map { TextMeasure.width($0.uppercased(), size: 24, bold: true) }.max() ?? 0) + 28
        let wrapper = TextWrapper(width: Card.textWidth - labelWidth, size: 32)
        let needs = blocks.map { wrapper.lines($0.1, maxLines: 7).count }
        var y = 172.0
        for (i, count) in Self.share(6, among: needs).enumerated() {
            card.line(blocks[i].0.uppercased(), y: y - 2, size: 24, bold: true, fill: palette.heading, width: labelWidth)
            y = card.paragraph(wrapper.lines(blocks[i].1, maxLines: count), x: Card.margin + labelWidth, y: y, size: 32, leading: 42,
                               fill: CardPalette.ink) + 14
        }
        if let demand {
            card.rect(x: Card.margin, y: 440, width: Card.textWidth, height: 2, fill: "#c8c8c8")
            card.line(words[.demand].uppercased(), y: 480, size: 24, bold: true, fill: palette.heading, width: labelWidth)
            let lines = TextWrapper(width: Card.textWidth - labelWidth, size: 27).lines(demand, maxLines: 2)
            card.paragraph(lines, x: Card.margin + labelWidth, y: 482, size: 27, leading: 35, fill: CardPalette.muted)
        }
        return card.svg()
    }

    /// Text ending as a sentence ends: with its own stop, or a full stop added.
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?…".contains(last) else { return text }
        return text + "."
    }

    /// How many lines each block gets of `budget`, given how many it needs: each its first
    /// line, then one more in turn to the blocks that need more, so that a long care text does
    /// not crowd out the change.
    static func share(_ budget: Int, among needs: [Int]) -> [Int] {
        var counts = needs.map { min(1, $0) }
        var left = budget - counts.reduce(0, +)
        while left > 0, let i = needs.indices.filter({ counts[$0] < needs[$0] }).min(by: { counts[$0] < counts[$1] }) {
            counts[i] += 1
            left -= 1
        }
        return counts
    }

    /// "Ministry of Labour: 12 days of silence" and the demand it has not answered on.
    func silenceCard(_ line: DeadlineClock.Line, language: String?) -> String {
        let words = KitWords.words(language)
        let d = line.record
        let demand = model.campaign.demand(d.demand)?.text ?? d.demand
        let silence = words.silence(line.days)
        var card = blank(language, summary: "\(d.target): \(silence). \(words[.demand]): \(demand)")
        let palette = card.palette
        let head = TextWrapper(width: Card.textWidth, size: 52, bold: true)
        card.line(d.target, y: 104, size: head.fittingSize(d.target, minimum: 36), bold: true, fill: CardPalette.ink)
        let big = TextWrapper(width: Card.textWidth, size: 96, bold: true)
        card.line(silence, y: 236, size: big.fittingSize(silence, minimum: 48), bold: true, fill: palette.heading)
        card.paragraph(TextWrapper(width: Card.textWidth, size: 34).lines("“\(demand)”", maxLines: 3), y: 320, size: 34, leading: 46,
                       fill: CardPalette.ink)
        card.line(words[.due, model.campaign.zone.local(d.due).date.description], y: 500, size: 26, fill: CardPalette.muted)
        return card.svg()
    }

    /// The week's entries and each metric's total, as the site publishes them.
    func weekCard(_ week: String, language: String?) -> String {
        let words = KitWords.words(language)
        let counts = model.counts
        let total = "\(words.count(counts.entries(week: week))) \(words[.actsOfCare])"
        let rows = counts.metrics.map { (weekValue(week, $0, words: words), model.metricLabel($0)) }
        let heading = words[.week, week]
        var card = blank(language, summary: ([heading, total] + rows.map { "\($0.1): \($0.0)" }).joined(separator: ". "))
        let palette = card.palette
        card.line(heading, y: 104, size: 58, bold: true, fill: CardPalette.ink)
        let big = TextWrapper(width: Card.textWidth, size: 76, bold: true)
        card.line(total, y: 210, size: big.fittingSize(total, minimum: 40), bold: true, fill: palette.heading)
        let shown = rows.count > 4 ? Array(rows.prefix(3)) + [("…", "")] : rows
        let column = min(480, (shown.map { TextMeasure.width($0.0, size: 34, bold: true) }.max() ?? 0) + 36)
        for (i, row) in shown.enumerated() {
            let y = 290 + Double(i) * 50
            card.line(row.0, y: y, size: 34, bold: true, fill: CardPalette.ink, width: column - 20)
            card.line(row.1, x: Card.margin + column, y: y, size: 32, fill: CardPalette.muted, width: Card.textWidth - column)
        }
        if let monday = Self.monday(ofWeek: week) {
            card.line("\(monday) – \(monday.adding(days: 6)) · \(model.campaign.title)", y: 500, size: 26, fill: CardPalette.muted)
        }
        return card.svg()
    }
}

extension Site {
    /// A metric's total in a week with its unit ("1,250 masks"), or its entry count as
    /// published when the total is not ("fewer than 5").
    func weekValue(_ week: String, _ id: String, words: KitWords) -> String {
        let unit = model.campaign.metric(id)?.unit ?? ""
        return model.counts.quantity(week: week, metric: id).map { "\(Format.quantity($0)) \(unit)" }
            ?? words.count(model.counts.entries(week: week, metric: id))
    }
}

extension String {
    fileprivate var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
