import CrescendoCore

extension Site {
    /// `money.html`: corporate subsidies against worker support and frontline services, and
    /// each demand's funding line.
    func moneyPage() -> String {
        let m = model
        let summary = MoneySummary(m.data.moneyFlows)
        var s = "<h1>Money flows</h1>\n<p>Where public money goes: corporate subsidies against worker support and frontline services. Every figure names its source.</p>\n"
        s += MoneyFlowChart(summary: summary).chart().figure(headingLevel: 2)
        s += "<h2>Each demand and who pays</h2>\n"
        for d in m.campaign.demands {
            s += "<h3>\(HTML.escape(d.text))</h3>\n<p>\(HTML.escape(d.target)) must act; paid for by \(HTML.escape(d.funding)).</p>\n"
            guard let line = d.fundingLine else { continue }
            let flows = m.data.moneyFlows.filter { $0.from == line || $0.to == line }
            s += "<p id=\"line-\(HTML.escape(line))\">Funding line <strong>\(HTML.escape(line))</strong>: "
            if flows.isEmpty {
                s += "no flows recorded yet.</p>\n"
            } else {
                let sums = MoneySummary(flows)
                let parts = sums.currencies.flatMap { cur in
                    MoneySummary.categories.compactMap { cat -> String? in
                        let q = sums.total(cur, cat)
                        return q == .zero ? nil : "\(Format.quantity(q)) \(cur) \(MoneySummary.label(cat).lowercased())"
                    }
                }
                s += "\(flows.count) flow\(flows.count == 1 ? "" : "s"): \(HTML.escape(parts.joined(separator: "; "))).</p>\n"
            }
        }
        let rows = DataPackage.flowRows(m).map { r in [r[0], r[1], r[2], MoneySummary.label(MoneyFlow.Category(rawValue: r[3]) ?? .other), "\(Format.quantity(Quantity(parsing: r[4]) ?? .zero)) \(r[5])", r[6]] }
        s += "<h2>Every flow</h2>\n"
        s += rows.isEmpty ? "<p>No money flows have been recorded.</p>\n"
            : HTML.table(caption: "Money flows by date", head: ["Date", "From", "To", "Category", "Amount", "Source"], rows: rows, numeric: [4])
        s += "<p>Also as <a href=\"data/money-flows.csv\">CSV</a>.</p>\n"
        return layout("money.html", title: "Money flows").render(s)
    }
}
