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
        s += guideList()
        s += posterLink()
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
        // The longest silences first, then open deadlines by how soon they fall due; a silence
        // ended by a late answer is among the responses.
        let silent = m.clock.silent.filter { $0.answeredLate == nil }
        guard !silent.isEmpty || !m.clock.open.isEmpty else { return s + "<p>No deadline is open.</p>\n" }
        s += "<ul class=\"clock\">\n"
        for line in silent {
            let d = line.record
            let demand = m.campaign.demand(d.demand)?.text ?? d.demand
            s += "<li><a class=\"days\" href=\"silence/\(d.number).html\">\(HTML.escape(d.target)): \(Format.plural(line.days, "day")) of silence</a><br>"
            s += "on “\(HTML.escape(demand))” since the People's Briefing of \(local(d.opened)); the deadline was \(local(d.due)).</li>\n"
        }
        for line in m.clock.open {
            let d = line.record
            let demand = m.campaign.demand(d.demand)?.text ?? d.demand
            s += "<li class=\"open\"><span class=\"days\">\(HTML.escape(d.target)): \(Format.plural(line.days, "day")) left</span><br>"
            s += "to answer on “\(HTML.escape(demand))” by \(local(d.due)).</li>\n"
        }
        return s + "</ul>\n"
    }

    /// This week's poster (or the latest week's).
    private func posterLink() -> String {
        guard let week = model.counts.weeks.contains(model.thisWeek) ? model.thisWeek : model.counts.weeks.last else { return "" }
        return "<h2>Print and share</h2>\n<p>This week's <a href=\"print/week-\(week).html\">one-page poster</a> (A4 or Letter, with a QR code to this site), "
            + "and a share card for every story, week and silence (each page links its own).</p>\n"
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
