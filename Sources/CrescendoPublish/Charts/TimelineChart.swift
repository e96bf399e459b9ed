import CrescendoCore

/// The dry-run timeline of `crescendo simulate --format svg`: the entries curve, escalations
/// and rituals, cool-down shading after each escalation, structural windows as bands, and
/// the first indicator with samples as a line on its own scale. Several timelines (one per
/// scenario) stack on one time axis (`stacked`, in `TimelineChart+Stacked`).
public struct TimelineChart: Sendable {
    public var campaign: Campaign
    public var occurrences: [Occurrence]
    /// Every ledger entry's time, in any order.
    public var entryTimes: [Instant]
    public var indicators: [IndicatorSample]
    public var from: Instant
    public var to: Instant

    public init(campaign: Campaign, occurrences: [Occurrence], entryTimes: [Instant], indicators: [IndicatorSample],
                from: Instant, to: Instant) {
        self.campaign = campaign; self.occurrences = occurrences; self.entryTimes = entryTimes
        self.indicators = indicators; self.from = from; self.to = to
    }

    /// The chart; `document` gives it as a standalone SVG file.
    public func chart() -> Chart {
        let id = "timeline"
        var c = SVGCanvas(width: 960, height: 400)
        c.right = 70
        c.bottom = 80
        let zone = campaign.zone
        let scale = TimeScale(from: from, to: to, left: c.left, width: c.plotWidth)
        let baseline = c.top + c.plotHeight
        let drawn = draw(on: &c, top: c.top, height: c.plotHeight, scale: scale)
        scale.draw(on: &c, zone: zone, baseline: baseline)
        legend(on: &c, y: baseline + 44)
        let title = "\(campaign.title): dry run from \(zone.local(from).date) to \(zone.local(to).date)"
        let desc = drawn.sentence + drawn.indicatorSentence
        let table = HTML.table(caption: "Escalations, rituals, briefings and silences", head: ["When", "Action", "Rule", "Detail"], rows: rows())
        return Chart(id: id, title: title, summary: desc, svg: c.svg(id: id, title: title, desc: desc), alternative: table)
    }

    /// What one panel shows, in words.
    struct Drawn {
        var sentence: String
        var indicatorSentence: String
    }

    /// The entries shown, in time order.
    var shownEntries: [Instant] { entryTimes.filter { $0 >= from && $0 <= to }.sorted() }

    /// The indicator drawn (the first with samples) and its samples up to `to`, in time order.
    var shownIndicator: (definition: IndicatorDefinition, samples: [IndicatorSample])? {
        guard let def = campaign.indicators.first(where: { d in indicators.contains { $0.name == d.id } }) else { return nil }
        return (def, indicators.filter { $0.name == def.id && $0.at <= to }.sorted { $0.at < $1.at })
    }

    /// Draws the timeline into the band of the canvas from `top`, `height` high, on `scale`;
    /// the entries and the indicator are scaled to their own highest values unless `scales`
    /// gives shared ones (stacked timelines).
    func draw(on c: inout SVGCanvas, top: Double, height: Double, scale: TimeScale,
              scales: (entries: Double, indicator: Double?)? = nil) -> Drawn {
        let zone = campaign.zone
        let baseline = top + height
        let n = SVGCanvas.n
        let times = shownEntries
        let redact = PublicRedactor(campaign: campaign)
        let right = c.left + c.plotWidth
        for w in campaign.windows {
            let x0 = max(c.left, scale.x(w.opens(in: zone))), x1 = min(right, scale.x(w.closes(in: zone)))
            guard x1 > x0 else { continue }
            c.add("<g><title>\(SVGCanvas.text("Window \(w.id) (\(w.kind)): \(w.from) to \(w.to)"))</title><rect x=\"\(n(x0))\" y=\"\(n(top))\" width=\"\(n(x1 - x0))\" height=\"\(n(height))\" fill=\"#e9e3d3\" fill-opacity=\"0.7\"/>"
                  + "<text x=\"\(n(x0 + 3))\" y=\"\(n(baseline - 4))\" font-size=\"10\" fill=\"#4a4a4a\">\(SVGCanvas.text(w.id))</text></g>")
        }
        let escalations = occurrences.filter { $0.action == "escalate" && !$0.suppressed }
        if let cooldown = campaign.pacing.cooldown {
            for e in escalations {
                let x0 = scale.x(e.at), x1 = min(right, scale.x(e.at + cooldown))
                guard x1 > x0 else { continue }
                c.add("<rect x=\"\(n(x0))\" y=\"\(n(top))\" width=\"\(n(x1 - x0))\" height=\"\(n(height))\" fill=\"#8a1c1c\" fill-opacity=\"0.12\"><title>Cool-down until \(zone.short(e.at + cooldown))</title></rect>")
            }
        }
        let ceiling = c.yAxis(max: scales?.entries ?? Double(times.count), label: "entries", top: top, height: height)
        if !times.isEmpty {
            var d = "", i = 0
            let columns = Int(c.plotWidth)
            for col in 0...columns {
                let t = Instant(seconds: scale.from.seconds + (scale.to.seconds - scale.from.seconds) * Int64(col) / Int64(columns))
                while i < times.count, times[i] <= t { i += 1 }
                d += (col == 0 ? "M" : " L") + "\(n(c.left + Double(col))) \(n(baseline - Double(i) / ceiling * height))"
            }
            c.add("<path d=\"\(d)\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"><title>Cumulative entries</title></path>")
        }
        var indicatorSentence = ""
        if let (def, samples) = shownIndicator {
            let highest = scales?.indicator ?? max(1, samples.map(\.value).max() ?? 1)
            func y(_ v: Double) -> Double { baseline - v / highest * height }
            var d = ""
            for (k, s) in samples.enumerated() where s.at >= from || k + 1 < samples.count && samples[k + 1].at > from {
                let x = max(c.left, scale.x(s.at))
                d += d.isEmpty ? "M\(n(x)) \(n(y(s.value)))" : " H\(n(x)) V\(n(y(s.value)))"
            }
            if !d.isEmpty {
                d += " H\(n(scale.x(to)))"
                c.add("<path d=\"\(d)\" fill=\"none\" stroke=\"#6b3fa0\" stroke-width=\"1.5\" stroke-dasharray=\"5 2\"><title>\(SVGCanvas.text(def.label))</title></path>")
                c.add("<text x=\"\(n(right + 6))\" y=\"\(n(top + 4))\" fill=\"#6b3fa0\">\(SVGCanvas.text(SVGCanvas.short(highest) + def.unit))</text>")
                c.add("<text x=\"\(n(right + 6))\" y=\"\(n(baseline))\" fill=\"#6b3fa0\">0</text>")
                indicatorSentence = " The dashed purple line is \(def.label) (\(def.unit)), scaled to its highest value, \(SVGCanvas.short(highest))."
            }
        }
        for m in ChartMarker.from(occurrences, redact: redact) where m.at >= from && m.at <= to {
            m.draw(on: &c, x: scale.x(m.at), top: top, bottom: baseline)
        }
        let rituals = occurrences.filter { $0.action == "ritual" }.count
        let sentence = "\(Format.integer(Int64(times.count))) ledger entries (blue curve), \(escalations.count) escalations (red lines, cool-down shaded), \(rituals) rituals (green dashed lines), \(campaign.windows.count) windows (bands)."
        return Drawn(sentence: sentence, indicatorSentence: indicatorSentence)
    }

    /// The escalations, rituals, briefings and silences as table rows: when, action, rule, detail.
    func rows() -> [[String]] {
        let redact = PublicRedactor(campaign: campaign)
        return occurrences.filter { ["escalate", "ritual", "briefing", "silence"].contains($0.action) }
            .map { [campaign.zone.short($0.at), $0.action, $0.rule, redact($0.tacticText ?? $0.text ?? $0.demand ?? "")] }
    }

    func legend(on c: inout SVGCanvas, y: Double) {
        let items: [(String, String)] = [("#0b4f8a", "entries"), ("#8a1c1c", "escalation (E)"), ("#1d5e20", "ritual (R)"),
                                         ("#e9e3d3", "window"), ("#e8c9c9", "cool-down"), ("#6b3fa0", "indicator")]
        var x = c.left
        for (color, label) in items {
            c.add("<rect x=\"\(SVGCanvas.n(x))\" y=\"\(SVGCanvas.n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(SVGCanvas.n(x + 16))\" y=\"\(SVGCanvas.n(y))\" fill=\"#1b1b1b\">\(label)</text>")
            x += 16 + Double(label.count) * 7 + 18
        }
    }
}
