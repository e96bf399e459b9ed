import CrescendoCore

/// A plotting area and the SVG elements drawn on it. Coordinates are written with one
/// decimal, so the output is the same on every machine.
struct SVGCanvas {
    var width: Double = 720
    var height: Double = 320
    var left: Double = 60
    var right: Double = 20
    var top: Double = 36
    var bottom: Double = 52
    private(set) var elements: [String] = []

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    mutating func add(_ element: String) { elements.append(element) }

    static func n(_ x: Double) -> String { Format.coordinate(x) }
    static func text(_ s: String) -> String { HTML.escape(s) }

    /// The `<svg>` element, labelled by its title and description.
    func svg(id: String, title: String, desc: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
        s += "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
        s += "font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"
        s += "<title id=\"\(id)-title\">\(Self.text(title))</title>\n<desc id=\"\(id)-desc\">\(Self.text(desc))</desc>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        for e in elements { s += e; s += "\n" }
        return s + "</svg>\n"
    }

    /// Horizontal grid lines and labels for a y axis from 0 to `max`; returns the top of the scale.
    mutating func yAxis(max: Double, label: String, top plotTop: Double? = nil, height h: Double? = nil) -> Double {
        let pt = plotTop ?? top, ph = h ?? plotHeight
        let step = Self.niceStep(max)
        let ceiling = Swift.max(step, (max / step).rounded(.up) * step)
        var v = 0.0
        while v <= ceiling + step / 2 {
            let y = pt + ph - v / ceiling * ph
            add("<line x1=\"\(Self.n(left))\" y1=\"\(Self.n(y))\" x2=\"\(Self.n(width - right))\" y2=\"\(Self.n(y))\" stroke=\"#d6d6d6\" stroke-width=\"1\"/>")
            add("<text x=\"\(Self.n(left - 6))\" y=\"\(Self.n(y + 4))\" text-anchor=\"end\" fill=\"#333333\">\(Self.text(Self.short(v)))</text>")
            v += step
        }
        add("<text x=\"\(Self.n(left))\" y=\"\(Self.n(pt - 10))\" fill=\"#333333\">\(Self.text(label))</text>")
        return ceiling
    }

    /// A step of 1, 2 or 5 times a power of ten giving about five ticks up to `max`.
    static func niceStep(_ max: Double) -> Double {
        guard max > 0 else { return 1 }
        let raw = max / 5
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * p >= raw { return Swift.max(1, m * p) }
        return Swift.max(1, 10 * p)
    }

    /// `1200` as `1.2k`, `3000000` as `3M`.
    static func short(_ v: Double) -> String {
        if v >= 1_000_000 { return trim(v / 1_000_000) + "M" }
        if v >= 10_000 { return trim(v / 1000) + "k" }
        return trim(v)
    }

    static func trim(_ v: Double) -> String {
        let s = Format.coordinate(v)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}
