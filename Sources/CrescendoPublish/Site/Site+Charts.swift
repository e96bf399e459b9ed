import CrescendoCore

extension Site {
    /// `charts.html`: every chart of the site on one page.
    func chartsPage() -> String {
        var s = "<h1>Charts</h1>\n<p>Every chart is drawn without JavaScript and has its data as a table below it.</p>\n"
        s += "<h2>Growth of the ledger</h2>\n" + cumulativeChart().figure()
        s += "<h2>Weekly totals</h2>\n" + WeeklyTotalsChart(counts: model.counts, labels: metricLabels, minCount: model.minCount).chart().figure()
        s += "<h2>Money flows</h2>\n" + MoneyFlowChart(summary: MoneySummary(model.data.moneyFlows)).chart().figure()
        return layout("charts.html", title: "Charts").render(s)
    }

    var metricLabels: [String: String] {
        Dictionary(uniqueKeysWithValues: model.counts.metrics.map { ($0, model.metricLabel($0)) })
    }

    /// Milestones every `step` entries (the smallest whole-ledger `every` rule, at least the
    /// privacy threshold, doubled until there are at most 200 points), then the total now.
    func cumulativeChart() -> Chart {
        let m = model
        let instants = m.data.ledger.instants, count = Int64(instants.count)
        let ruleSteps = m.campaign.rules.compactMap { r -> Int64? in
            if case .every(let n, .entries, let filter, .none) = r.trigger, filter.isEmpty, r.enabled { return n }
            return nil
        }
        var step = max(ruleSteps.min() ?? 10, Int64(m.minCount), 1)
        while count / step > 200 { step *= 2 }
        var points: [(at: Instant, entries: Int64)] = []
        var k = step
        while k <= count {
            points.append((Instant(seconds: instants[Int(k - 1)]), k))
            k += step
        }
        if count % step != 0 { points.append((m.data.now, count)) }
        let from = min(m.campaign.start, m.data.ledger.first ?? m.campaign.start)
        let markers = ChartMarker.from(m.data.past.filter { $0.at <= m.data.now }, redact: m.redact)
        return CumulativeChart(zone: m.campaign.zone, points: points, markers: markers, from: from, to: max(m.data.now, from), step: step).chart()
    }
}
