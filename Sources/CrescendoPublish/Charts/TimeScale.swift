import CrescendoCore

/// Maps instants onto the x axis of a canvas and labels it with local dates.
struct TimeScale {
    var from: Instant
    var to: Instant
    var left: Double
    var width: Double

    init(from: Instant, to: Instant, left: Double, width: Double) {
        self.from = from
        self.to = to.seconds > from.seconds ? to : from + TimeSpan(seconds: 86_400)
        self.left = left
        self.width = width
    }

    func x(_ t: Instant) -> Double {
        left + Double(t.seconds - from.seconds) / Double(to.seconds - from.seconds) * width
    }

    /// Five date labels along the bottom of the canvas.
    func draw(on canvas: inout SVGCanvas, zone: Zone, baseline: Double) {
        canvas.add("<line x1=\"\(SVGCanvas.n(left))\" y1=\"\(SVGCanvas.n(baseline))\" x2=\"\(SVGCanvas.n(left + width))\" y2=\"\(SVGCanvas.n(baseline))\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>")
        for i in 0...4 {
            let t = Instant(seconds: from.seconds + (to.seconds - from.seconds) * Int64(i) / 4)
            let anchor = i == 0 ? "start" : i == 4 ? "end" : "middle"
            canvas.add("<text x=\"\(SVGCanvas.n(x(t)))\" y=\"\(SVGCanvas.n(baseline + 18))\" text-anchor=\"\(anchor)\" fill=\"#333333\">\(zone.local(t).date.iso8601)</text>")
        }
    }
}
