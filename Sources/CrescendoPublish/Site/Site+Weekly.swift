import Foundation
import CrescendoCore

extension Site {
    /// `weekly/index.html`: every ISO week, newest first.
    func weeklyIndex() -> String {
        var s = "<h1>Weekly reports</h1>\n<p>One report per ISO week, also as Markdown for newsletters, and as CSV in the <a href=\"../datapackage.json\">data package</a>.</p>\n"
        s += "<ul>\n"
        for w in model.counts.weeks.reversed() {
            s += "<li><a href=\"\(w).html\">Week \(w)</a>: \(HTML.escape(model.counts.entries(week: w).text)) entries (<a href=\"\(w).md\">Markdown</a>)</li>\n"
        }
        return layout("weekly/index.html", title: "Weekly reports").render(s + "</ul>\n")
    }

    /// The `weekly` template's variables for a week, with counts as published.
    func weeklyContext(_ week: String) -> TemplateContext {
        var c = TemplateContext()
        c["campaign"] = model.campaign.id
        c["title"] = model.campaign.title
        c["rule"] = "weekly"
        c["week"] = week
        c["at"] = local(model.data.now)
        c["entries"] = model.counts.entries(week: week).text
        c.metrics = model.counts.metrics.map { id in
            ["label": model.metricLabel(id), "unit": model.campaign.metric(id)?.unit ?? "", "total": weeklyTotal(week, id)]
        }
        return c
    }

    /// "120 masks", or the disclosed count when the total is not published.
    func weeklyTotal(_ week: String, _ metric: String) -> String {
        if let q = model.counts.quantity(week: week, metric: metric) { return Format.quantity(q) }
        return model.counts.entries(week: week, metric: metric).text + " entries"
    }

    /// The rows of the by-area table: one per area and a total row.
    func areaRows(_ week: String) -> (head: [String], rows: [[String]]) {
        let counts = model.counts
        let head = ["Area"] + counts.metrics.map(model.metricLabel) + ["All metrics"]
        var rows = counts.areas.map { a in
            [model.areaLabel(a)] + counts.metrics.map { counts.entries(week: week, area: a, metric: $0).text } + [counts.entries(week: week, area: a).text]
        }
        rows.append(["All areas"] + counts.metrics.map { counts.entries(week: week, metric: $0).text } + [counts.entries(week: week).text])
        return (head, rows)
    }

    /// `weekly/2027-W05.html`.
    func weeklyPage(_ week: String) -> String {
        var page = layout("weekly/\(week).html", title: "Week \(week)")
        let sentence = model.templates.render(template: "weekly", context: weeklyContext(week))
            ?? "\(model.counts.entries(week: week).text) acts of care in week \(week)."
        page.share = shareTags(card: "week-\(week)", language: nil, title: "\(model.campaign.title): week \(week)", description: sentence)
        var s = "<h1>Week \(week)</h1>\n"
        if let text = model.templates.render("weekly", language: nil, context: weeklyContext(week), escapingHTML: true) {
            s += "<p class=\"lede\">\(text)</p>\n"
        }
        let rows = model.counts.metrics.map { id in [model.metricLabel(id), model.counts.entries(week: week, metric: id).text, weeklyTotal(week, id)] }
        s += "<h2>Totals</h2>\n" + HTML.table(caption: "Entries and totals per metric, week \(week)", head: ["Metric", "Entries", "Total"], rows: rows, numeric: [1, 2])
        let areas = areaRows(week)
        s += "<h2>By area</h2>\n" + HTML.table(caption: "Entries per area and metric, week \(week)", head: areas.head, rows: areas.rows, numeric: Set(1..<areas.head.count))
        s += "<p>Counts below \(model.minCount) read “fewer than \(model.minCount)”; a count marked “withheld” is hidden so that a small one cannot be worked out from the totals.</p>\n"
        s += "<p>This report as <a href=\"\(week).md\">Markdown</a> and as <a href=\"../data/weekly-\(week).csv\">CSV</a>, "
        s += "and as a <a href=\"../print/week-\(week).html\">one-page poster</a> to print.</p>\n"
        s += shareSection(card: "week-\(week)", language: nil, page: page, alt: sentence)
        return page.render(s)
    }

    /// `weekly/2027-W05.md`: the same report for newsletters.
    func weeklyMarkdown(_ week: String) -> String {
        var s = "# \(model.campaign.title): week \(week)\n\n"
        if let text = model.templates.render(template: "weekly", context: weeklyContext(week)) { s += text + "\n\n" }
        s += "| Metric | Entries | Total |\n|---|---:|---:|\n"
        for id in model.counts.metrics {
            s += "| \(md(model.metricLabel(id))) | \(model.counts.entries(week: week, metric: id).text) | \(weeklyTotal(week, id)) |\n"
        }
        let areas = areaRows(week)
        s += "\n## By area\n\n| " + areas.head.map(md).joined(separator: " | ") + " |\n|---" + String(repeating: "|---:", count: areas.head.count - 1) + "|\n"
        for row in areas.rows { s += "| " + row.map(md).joined(separator: " | ") + " |\n" }
        s += "\nCounts below \(model.minCount) read “fewer than \(model.minCount)”; “withheld” hides a count that would let a small one be worked out.\n"
        return s
    }

    private func md(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
