import CrescendoCore

/// Cumulative entries over time as a step line through the milestones (every `step`
/// entries), with milestone marks and escalation and ritual markers.
///
/// Only milestone points and the final total are drawn, so that the curve never shows a
/// count finer than `step` entries (at least the privacy threshold).
struct CumulativeChart {
    var id = "cumulative"
    var zone: Zone
    /// (when the milestone was reached, entries) in time order; the last point may be the total now.
    var points: [(at: Instant, entries: Int64)]
    var markers: [ChartMarker]
    var from: Instant
    var to: Instant
    var step: Int64

    func chart() -> Chart {
        var c = SVGCanvas()
        let total = points.last?.entries ?? 0
        let title = "Cumulative entries in the Care Ledger"
        let summary = points.isEmpty ? "The ledger has no entries yet."
            : "The ledger grew to \(Format.integer(total)) entries; a dot marks every \(Format.integer(step)) entries. Red lines (E) mark escalations and green dashed lines (R) rituals."
        let ceiling = c.yAxis(max: Double(total), label: "entries")
        let scale = TimeScale(from: from, to: to, left: c.left, width: c.plotWidth)
        let baseline = c.top + c.plotHeight
        func y(_ v: Int64) -> Double { baseline - Double(v) / ceiling * c.plotHeight }
        for m in markers where m.at >= from && m.at <= to { m.draw(on: &c, x: scale.x(m.at), top: c.top, bottom: baseline) }
        if !points.isEmpty {
            var d = "M\(SVGCanvas.n(scale.x(from))) \(SVGCanvas.n(y(0)))"
            for p in points { d += " H\(SVGCanvas.n(scale.x(p.at))) V\(SVGCanvas.n(y(p.entries)))" }
            c.add("<path d=\"\(d)\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/>")
            for p in points where p.entries % step == 0 {
                c.add("<circle cx=\"\(SVGCanvas.n(scale.x(p.at)))\" cy=\"\(SVGCanvas.n(y(p.entries)))\" r=\"3\" fill=\"#0b4f8a\"><title>Entry \(Format.integer(p.entries)) on \(zone.local(p.at).date.iso8601)</title></circle>")
            }
        }
        scale.draw(on: &c, zone: zone, baseline: baseline)
        let rows = points.map { [Format.integer($0.entries), zone.local($0.at).date.iso8601] }
            + markers.map { [$0.label, zone.short($0.at)] }
        let table = HTML.table(caption: "Milestones, escalations and rituals", head: ["Entries or event", "Date"], rows: rows)
        return Chart(id: id, title: title, summary: summary, svg: c.svg(id: id, title: title, desc: summary), alternative: table)
    }
}
