import CrescendoCore

extension TimelineChart {
    /// One timeline per scenario (`simulate --scenario ... --format svg`), stacked on one time
    /// axis from the earliest start to the latest end, each drawn as `chart()` draws one, with
    /// the scenario's name above it, all on the same scales (entries, and the indicator).
    public static func stacked(_ timelines: [(name: String, timeline: TimelineChart)]) -> Chart {
        let id = "scenarios"
        let panel = 150.0, step = 150.0 + 44
        var c = SVGCanvas(width: 960, height: 36 + Double(timelines.count) * step + 80)
        c.right = 70
        c.bottom = 80
        guard let first = timelines.first?.timeline else {
            return Chart(id: id, title: "No scenarios", summary: "No scenarios.", svg: c.svg(id: id, title: "No scenarios", desc: "No scenarios."), alternative: "")
        }
        let zone = first.campaign.zone
        let from = timelines.map(\.timeline.from).min()!, to = timelines.map(\.timeline.to).max()!
        let scale = TimeScale(from: from, to: to, left: c.left, width: c.plotWidth)
        // One scale for the indicator only when every panel draws the same one.
        let shown = timelines.compactMap(\.timeline.shownIndicator)
        let same = Set(shown.map(\.definition.id)).count == 1
        let scales = (entries: Double(timelines.map(\.timeline.shownEntries.count).max() ?? 0),
                      indicator: same ? max(1, shown.compactMap { $0.samples.map(\.value).max() }.max() ?? 1) : nil)
        var sentences: [String] = []
        var baseline = c.top
        for (k, t) in timelines.enumerated() {
            let top = c.top + 14 + Double(k) * step
            c.add("<text x=\"\(SVGCanvas.n(c.left + 56))\" y=\"\(SVGCanvas.n(top - 10))\" font-weight=\"bold\" fill=\"#1b1b1b\">\(SVGCanvas.text("Scenario \(t.name)"))</text>")
            let drawn = t.timeline.draw(on: &c, top: top, height: panel, scale: scale, scales: scales)
            sentences.append("\(t.name): \(drawn.sentence)\(drawn.indicatorSentence)")
            baseline = top + panel
        }
        scale.draw(on: &c, zone: zone, baseline: baseline)
        first.legend(on: &c, y: baseline + 44)
        let title = "\(first.campaign.title): \(timelines.count) scenario\(timelines.count == 1 ? "" : "s") from \(zone.local(from).date) to \(zone.local(to).date)"
        let desc = "One timeline per scenario, on one time axis. " + sentences.joined(separator: " ")
        let rows = timelines.flatMap { t in t.timeline.rows().map { [t.name] + $0 } }
        let table = HTML.table(caption: "Escalations, rituals, briefings and silences, by scenario",
                               head: ["Scenario", "When", "Action", "Rule", "Detail"], rows: rows)
        return Chart(id: id, title: title, summary: desc, svg: c.svg(id: id, title: title, desc: desc), alternative: table)
    }
}
