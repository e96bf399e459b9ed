import CrescendoCore

/// Weekly entries per metric: one small bar chart per metric, weeks along the bottom.
/// A suppressed week is drawn as an outline labelled "<N" or "w" (withheld), never as a bar.
struct WeeklyTotalsChart {
    var id = "weekly-totals"
    var counts: PublicCounts
    var labels: [String: String]
    var minCount: Int

    func chart() -> Chart {
        let weeks = counts.weeks
        let panel = 110.0
        var c = SVGCanvas(height: 36 + Double(counts.metrics.count) * (panel + 40) + 24)
        let title = "Entries per week, by metric"
        let summary = "Bars show how many entries each week counted for each metric. A week whose count is below \(minCount) is drawn as an outline marked “<\(minCount)”, and one withheld to protect it as an outline marked “w”."
        let slot = weeks.isEmpty ? 0 : c.plotWidth / Double(weeks.count)
        var top = c.top
        for m in counts.metrics {
            let values = weeks.map { counts.entries(week: $0, metric: m) }
            let ceiling = c.yAxis(max: Double(values.compactMap(\.value).max() ?? 0), label: labels[m] ?? m, top: top, height: panel)
            let baseline = top + panel
            for (i, v) in values.enumerated() {
                let x = c.left + Double(i) * slot + slot * 0.15, w = slot * 0.7
                let tip = "\(weeks[i]): \(v.text) entries"
                if let n = v.value {
                    let h = Double(n) / ceiling * panel
                    c.add("<rect x=\"\(SVGCanvas.n(x))\" y=\"\(SVGCanvas.n(baseline - h))\" width=\"\(SVGCanvas.n(w))\" height=\"\(SVGCanvas.n(h))\" fill=\"#0b4f8a\"><title>\(SVGCanvas.text(tip))</title></rect>")
                } else {
                    let mark = v == .withheld ? "w" : "<\(minCount)"
                    c.add("<g><title>\(SVGCanvas.text(tip))</title><rect x=\"\(SVGCanvas.n(x))\" y=\"\(SVGCanvas.n(baseline - 14))\" width=\"\(SVGCanvas.n(w))\" height=\"14\" fill=\"none\" stroke=\"#4a4a4a\" stroke-dasharray=\"2 2\"/>"
                          + "<text x=\"\(SVGCanvas.n(x + w / 2))\" y=\"\(SVGCanvas.n(baseline - 18))\" text-anchor=\"middle\" font-size=\"9\" fill=\"#4a4a4a\">\(SVGCanvas.text(mark))</text></g>")
                }
            }
            c.add("<line x1=\"\(SVGCanvas.n(c.left))\" y1=\"\(SVGCanvas.n(baseline))\" x2=\"\(SVGCanvas.n(c.width - c.right))\" y2=\"\(SVGCanvas.n(baseline))\" stroke=\"#1b1b1b\"/>")
            top += panel + 40
        }
        // At most one label per 72 units, so that they never overlap.
        let every = max(1, Int((72 / max(slot, 1)).rounded(.up)))
        for (i, w) in weeks.enumerated() where i % every == 0 {
            c.add("<text x=\"\(SVGCanvas.n(c.left + (Double(i) + 0.5) * slot))\" y=\"\(SVGCanvas.n(top - 22))\" text-anchor=\"middle\" fill=\"#333333\">\(w)</text>")
        }
        let head = ["Week"] + counts.metrics.map { labels[$0] ?? $0 } + ["All entries"]
        let rows = weeks.map { w in [w] + counts.metrics.map { counts.entries(week: w, metric: $0).text } + [counts.entries(week: w).text] }
        let table = HTML.table(caption: "Entries per week", head: head, rows: rows, numeric: Set(1..<head.count))
        return Chart(id: id, title: title, summary: summary, svg: c.svg(id: id, title: title, desc: summary), alternative: table)
    }
}
