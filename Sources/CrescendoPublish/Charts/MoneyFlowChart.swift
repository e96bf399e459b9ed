import CrescendoCore

/// Money flows side by side: one horizontal bar per category, per currency.
struct MoneyFlowChart {
    var id = "money-flows"
    var summary: MoneySummary

    static let colors: [MoneyFlow.Category: String] = [
        .corporateSubsidy: "#8a1c1c", .workerSupport: "#0b4f8a", .frontlineServices: "#1d5e20", .other: "#5a5a5a",
    ]

    func chart() -> Chart {
        let bar = 26.0, gap = 10.0
        let cats = MoneySummary.categories
        let blockHeight = Double(cats.count) * (bar + gap) + 30
        var c = SVGCanvas(height: 30 + Double(max(1, summary.currencies.count)) * blockHeight + 10)
        c.left = 160
        c.right = 110
        let title = "Money flows by category"
        var sentences: [String] = []
        var rows: [[String]] = []
        var top = 30.0
        for cur in summary.currencies {
            let maxValue = cats.map { summary.total(cur, $0).double }.max() ?? 0
            c.add("<text x=\"\(SVGCanvas.n(c.left))\" y=\"\(SVGCanvas.n(top))\" font-weight=\"700\" fill=\"#1b1b1b\">\(SVGCanvas.text(cur))</text>")
            for (i, cat) in cats.enumerated() {
                let q = summary.total(cur, cat)
                let y = top + 10 + Double(i) * (bar + gap)
                let w = maxValue > 0 ? q.double / maxValue * c.plotWidth : 0
                c.add("<text x=\"\(SVGCanvas.n(c.left - 8))\" y=\"\(SVGCanvas.n(y + bar * 0.65))\" text-anchor=\"end\" fill=\"#1b1b1b\">\(MoneySummary.label(cat))</text>")
                c.add("<rect x=\"\(SVGCanvas.n(c.left))\" y=\"\(SVGCanvas.n(y))\" width=\"\(SVGCanvas.n(w))\" height=\"\(SVGCanvas.n(bar))\" fill=\"\(Self.colors[cat]!)\"><title>\(SVGCanvas.text("\(MoneySummary.label(cat)): \(Format.quantity(q)) \(cur)"))</title></rect>")
                c.add("<text x=\"\(SVGCanvas.n(c.left + w + 6))\" y=\"\(SVGCanvas.n(y + bar * 0.65))\" fill=\"#1b1b1b\">\(SVGCanvas.text(Format.quantity(q)))</text>")
                rows.append([MoneySummary.label(cat), cur, Format.quantity(q)])
            }
            let corporate = summary.total(cur, .corporateSubsidy)
            let care = summary.total(cur, .workerSupport) + summary.total(cur, .frontlineServices)
            sentences.append("\(Format.quantity(corporate)) \(cur) in corporate subsidies against \(Format.quantity(care)) \(cur) for worker support and frontline services.")
            top += blockHeight
        }
        let desc = summary.currencies.isEmpty ? "No money flows have been recorded." : sentences.joined(separator: " ")
        let table = HTML.table(caption: "Money flows by category", head: ["Category", "Currency", "Amount"], rows: rows, numeric: [2])
        return Chart(id: id, title: title, summary: desc, svg: c.svg(id: id, title: title, desc: desc), alternative: table)
    }
}
