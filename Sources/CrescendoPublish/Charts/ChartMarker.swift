import CrescendoCore

/// An escalation or a ritual marked on a time axis.
struct ChartMarker: Hashable, Sendable {
    enum Kind: String, Sendable { case escalation, ritual }
    var at: Instant
    var kind: Kind
    /// What it was, already fit to publish.
    var label: String

    var color: String { kind == .escalation ? "#8a1c1c" : "#1d5e20" }

    /// The markers for a list of actions: escalations that happened, and rituals.
    static func from(_ occurrences: [Occurrence], redact: PublicRedactor) -> [ChartMarker] {
        occurrences.compactMap { o in
            switch o.action {
            case "escalate" where !o.suppressed:
                return ChartMarker(at: o.at, kind: .escalation, label: "Escalation: " + redact(o.tacticText ?? o.tactic ?? "tactic"))
            case "ritual":
                return ChartMarker(at: o.at, kind: .ritual, label: "Ritual: " + redact([o.kind, o.text].compactMap { $0 }.joined(separator: ", ")))
            default:
                return nil
            }
        }
    }

    /// A vertical line with a small labelled head, and a tooltip.
    func draw(on canvas: inout SVGCanvas, x: Double, top: Double, bottom: Double) {
        let n = SVGCanvas.n
        let dash = kind == .ritual ? " stroke-dasharray=\"4 3\"" : ""
        canvas.add("<g><title>\(SVGCanvas.text(label))</title><line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"\(color)\" stroke-width=\"1.5\"\(dash)/>"
                   + "<text x=\"\(n(x))\" y=\"\(n(top - 3))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(color)\">\(kind == .escalation ? "E" : "R")</text></g>")
    }
}
