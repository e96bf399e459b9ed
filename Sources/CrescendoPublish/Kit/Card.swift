/// A 1200×630 share card (the size social networks show a link with) drawn as SVG text: the
/// campaign's accent in a bar at the top and a band at the foot holding the hashtags and the
/// site's address, and between them whatever the card is about, wrapped to fit.
///
/// Everything drawn is text a person or the campaign wrote, so it is escaped for XML and only
/// ever the content of a `<text>` element, never markup. The font is DejaVu Sans (Debian's
/// fonts-dejavu-core), which the line breaks are measured in.
struct Card {
    static let width = 1200.0
    static let height = 630.0
    /// Left and right margin.
    static let margin = 72.0
    /// Where the foot band begins.
    static let footTop = 546.0
    static var textWidth: Double { width - 2 * margin }

    let palette: CardPalette
    /// The card's language (`xml:lang`).
    let lang: String
    /// The card's text in one line, its accessible name (`<title>`).
    let summary: String
    /// The hashtags (or the campaign's title) in the foot band.
    var footLeft: String
    /// The site's host in the foot band.
    var footRight: String?
    private var elements: [String] = []

    init(palette: CardPalette, lang: String, summary: String, footLeft: String, footRight: String?) {
        self.palette = palette; self.lang = lang; self.summary = summary
        self.footLeft = footLeft; self.footRight = footRight
    }

    /// One line of text, cut with "…" when it does not fit `width`.
    mutating func line(_ text: String, x: Double = margin, y: Double, size: Double, bold: Bool = false, fill: String,
                       width: Double = textWidth, anchor: String? = nil) {
        guard let first = TextWrapper(width: width, size: size, bold: bold).lines(text, maxLines: 1).first else { return }
        var s = "<text x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" font-size=\"\(Format.coordinate(size))\""
        if bold { s += " font-weight=\"bold\"" }
        if let anchor { s += " text-anchor=\"\(anchor)\"" }
        elements.append(s + " fill=\"\(fill)\">\(HTML.escape(first))</text>")
    }

    /// Wrapped lines from baseline `y`, `leading` apart; returns the baseline after the last.
    @discardableResult
    mutating func paragraph(_ lines: [String], x: Double = margin, y: Double, size: Double, leading: Double,
                            bold: Bool = false, fill: String) -> Double {
        var y = y
        for l in lines {
            line(l, x: x, y: y, size: size, bold: bold, fill: fill, width: Self.width)
            y += leading
        }
        return y
    }

    /// A filled rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append("<rect x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" width=\"\(Format.coordinate(width))\" height=\"\(Format.coordinate(height))\" fill=\"\(fill)\"/>")
    }

    /// The SVG document.
    func svg() -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" xml:lang=\"\(HTML.escape(lang))\" "
        s += "role=\"img\" aria-labelledby=\"card-title\" font-family=\"'DejaVu Sans', sans-serif\">\n"
        s += "<title id=\"card-title\">\(HTML.escape(TextWrapper.clean(summary)))</title>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"1200\" height=\"630\" fill=\"\(CardPalette.paper)\"/>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"1200\" height=\"14\" fill=\"\(palette.accent)\"/>\n"
        s += "<rect x=\"0\" y=\"\(Format.coordinate(Self.footTop))\" width=\"1200\" height=\"\(Format.coordinate(Self.height - Self.footTop))\" fill=\"\(palette.accent)\"/>\n"
        for e in elements { s += e + "\n" }
        var foot = self
        let right = footRight ?? ""
        let rightWidth = right.isEmpty ? 0 : TextMeasure.width(right, size: 24, bold: false) + 32
        foot.elements = []
        foot.line(footLeft, y: 600, size: 30, bold: true, fill: palette.onAccent, width: Self.textWidth - rightWidth)
        if !right.isEmpty { foot.line(right, x: Self.width - Self.margin, y: 598, size: 24, fill: palette.onAccent, anchor: "end") }
        for e in foot.elements { s += e + "\n" }
        return s + "</svg>\n"
    }
}
