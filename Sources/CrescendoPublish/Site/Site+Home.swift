import CrescendoCore

extension Site {
    /// `index.html`: the campaign and its demands, totals, the next milestone, the deadline
    /// clock, responses and wins, and how to verify the ledger.
    func home() -> String {
        let m = model, c = m.campaign
        var s = "<h1>\(HTML.escape(c.title))</h1>\n"
        s += "<p class=\"lede\">A public Care Ledger: every act of care is counted with the cause that made it necessary and the change that would make it unnecessary. As of \(local(m.data.now)) (\(HTML.escape(c.zone.identifier))).</p>\n"
        s += "<h2>Demands</h2>\n"
        for d in c.demands {
            s += "<h3>\(HTML.escape(d.text))</h3>\n<dl>\n<dt>Who must act</dt><dd>\(HTML.escape(d.target))</dd>\n"
            s += "<dt>Who pays</dt><dd>\(HTML.escape(d.funding))</dd>\n"
            if let line = d.fundingLine { s += "<dt>Funding line</dt><dd><a href=\"money.html#line-\(HTML.escape(line))\">\(HTML.escape(line))</a></dd>\n" }
            s += "</dl>\n"
        }
        s += totals()
        s += milestone()
        s += deadlineClock()
        s += responses()
        s += "<h2>Growth of the ledger</h2>\n" + cumulativeChart().figure()
        s += verification()
        return layout("index.html", title: c.title).render(s)
    }

    private func totals() -> String {
        let m = model
        var s = "<h2>The ledger so far</h2>\n<ul class=\"stats\">\n"
        s += "<li><strong>\(m.counts.entries().text)</strong> acts of care</li>\n"
        for id in m.counts.metrics {
            let unit = m.campaign.metric(id)?.unit ?? ""
            let q = m.counts.quantity(metric: id).map { "\(Format.quantity($0)) \(unit)" } ?? m.counts.entries(metric: id).text + " entries"
            s += "<li><strong>\(HTML.escape(q))</strong> \(HTML.escape(m.metricLabel(id)))</li>\n"
        }
        s += "</ul>\n"
        let rows = m.counts.metrics.map { id -> [String] in
            let now = m.counts.entries(week: m.thisWeek, metric: id), before = m.counts.entries(week: m.lastWeek, metric: id)
            var change = "not shown"
            if let a = now.value, let b = before.value { change = a == b ? "no change" : (a > b ? "+" : "−") + Format.integer(Int64(abs(a - b))) }
            return [m.metricLabel(id), now.text, before.text, change]
        }
        s += HTML.table(caption: "Entries this week (\(m.thisWeek)) against last week (\(m.lastWeek))",
                        head: ["Metric", "This week", "Last week", "Change"], rows: rows, numeric: [1, 2, 3])
        return s
    }

    private func milestone() -> String {
        var s = "<h2>Next milestone</h2>\n"
        guard let f = model.data.status.forecasts.min(by: { ($0.remaining, $0.rule) < ($1.remaining, $1.rule) }) else {
            return s + "<p>No rule counts the whole ledger towards a milestone.</p>\n"
        }
        let zone = model.campaign.zone
        s += "<p>Entry <strong>\(Format.integer(f.milestone))</strong>: \(f.remaining == 1 ? "1 entry" : "\(Format.integer(f.remaining)) entries") to go.</p>\n<p>"
        if let e = f.expected {
            s += "At the last four weeks' rate it comes around <strong>\(zone.local(e).date)</strong>"
            if let a = f.earliest { s += ", between \(zone.local(a).date)" }
            s += f.latest.map { " and \(zone.local($0).date)" } ?? " and later (one of those weeks was quiet)"
            s += "."
        } else {
            s += "No entries in the last four weeks to forecast from."
        }
        return s + "</p>\n"
    }

    private func deadlineClock() -> String {
        let m = model
        var s = "<h2>Deadline clock</h2>\n"
        // The longest silences first, then open deadlines by how soon they fall due.
        let silent = { (l: StatusReport.DeadlineLine) in l.record.missed || l.record.due <= m.data.now }
        let lines = m.data.status.deadlines.filter(silent).sorted { ($1.days, $0.record.number) < ($0.days, $1.record.number) }
            + m.data.status.deadlines.filter { !silent($0) }.sorted { ($0.record.due, $0.record.number) < ($1.record.due, $1.record.number) }
        guard !lines.isEmpty else { return s + "<p>No deadline is open.</p>\n" }
        s += "<ul class=\"clock\">\n"
        for line in lines {
            let d = line.record
            let demand = m.campaign.demand(d.demand)?.text ?? d.demand
            if d.missed || d.due <= m.data.now {
                s += "<li><span class=\"days\">\(HTML.escape(d.target)): \(Format.plural(line.days, "day")) of silence</span><br>"
                s += "on “\(HTML.escape(demand))” since the People's Briefing of \(local(d.opened)); the deadline was \(local(d.due)).</li>\n"
            } else {
                s += "<li class=\"open\"><span class=\"days\">\(HTML.escape(d.target)): \(Format.plural(line.days, "day")) left</span><br>"
                s += "to answer on “\(HTML.escape(demand))” by \(local(d.due)).</li>\n"
            }
        }
        return s + "</ul>\n"
    }

    private func responses() -> String {
        let m = model
        var s = "<h2>Responses and wins</h2>\n"
        let answered = m.data.deadlines.filter { $0.answeredAt != nil && $0.answeredAt! <= m.data.now }
            .sorted { ($0.answeredAt!, $0.number) > ($1.answeredAt!, $1.number) }.prefix(5)
        guard !answered.isEmpty else { return s + "<p>No official has answered yet.</p>\n" }
        s += "<ul>\n"
        for d in answered {
            let demand = m.campaign.demand(d.demand)?.text ?? d.demand
            s += "<li>\(local(d.answeredAt!)): \(HTML.escape(d.target)) on “\(HTML.escape(demand))”: "
            s += "“\(HTML.escape(m.redact(d.response ?? "")))”"
            if let w = d.win { s += " <span class=\"win\">\(w == .full ? "Full win" : "Partial win")</span>" }
            s += "</li>\n"
        }
        return s + "</ul>\n"
    }

    private func verification() -> String {
        let m = model
        var s = "<h2>Verify the ledger</h2>\n"
        s += "<p>The ledger is append-only and hash-chained: each entry's hash covers the one before it, so no entry can be changed or removed without changing the head hash below. Corrections are entries of their own.</p>\n"
        s += "<dl>\n<dt>Entries in the chain (corrections included)</dt><dd>\(Format.integer(m.data.ledgerCount))</dd>\n"
        s += "<dt>Head hash (SHA-256)</dt><dd class=\"hash\">\(HTML.escape(m.data.headHash))</dd>\n</dl>\n"
        s += "<p>Anyone holding a copy of the ledger database can check it: <code>crescendo ledger verify --db ledger.sqlite</code> recomputes the chain and prints the same count and head hash.</p>\n"
        return s
    }
}
