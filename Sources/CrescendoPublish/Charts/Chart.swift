/// A chart drawn by the project: inline SVG with a `<title>`, a `<desc>` and a text
/// alternative (a data table), needing no JavaScript.
public struct Chart: Sendable {
    /// Unique on its page; the SVG's title and description ids derive from it.
    public var id: String
    public var title: String
    /// One or two sentences saying what the chart shows; the SVG's `<desc>`.
    public var summary: String
    /// The `<svg>` element.
    public var svg: String
    /// The same data as an HTML table.
    public var alternative: String

    /// The chart as a `<figure>`: a caption (title and summary), the SVG, and the data table in
    /// a `<details>`. The caption comes first: a figure's caption is its first or last child
    /// (HTML's content model), and the table follows the chart.
    func figure(headingLevel: Int = 3) -> String {
        var s = "<figure aria-labelledby=\"\(id)-caption\">\n"
        s += "<figcaption id=\"\(id)-caption\"><h\(headingLevel)>\(HTML.escape(title))</h\(headingLevel)>"
        s += "<p>\(HTML.escape(summary))</p></figcaption>\n"
        s += svg
        s += "<details><summary>The data as a table</summary>\n\(alternative)</details>\n</figure>\n"
        return s
    }

    /// The chart as a standalone SVG document.
    public var document: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg }
}
