import Foundation
import Ink

/// A guide's Markdown as HTML, through Ink (JohnSundell/Ink). The page's own `<h1>` is the
/// guide's title: a guide that opens with a `#` heading gives the page that title (in the
/// guide's own language), and when `#` headings remain, every heading moves one level down
/// (`#` is an `<h2>`, `##` an `<h3>`), so that the page has one `<h1>` and headings in order.
///
/// The Markdown is the campaign's own text, as trusted as its demands: HTML written in it
/// passes through as written, and it is not redacted (a hotline's phone number is the point
/// of a guide). Text in it is escaped as Markdown escapes it (`<`, `>` and `&` in running text).
enum GuideMarkdown {
    /// The guide's heading (its first line, when that is a `#` heading) and its body as HTML.
    static func render(_ markdown: String) -> (heading: String?, html: String) {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace), !lines.isEmpty { lines.removeFirst() }
        var heading: String?
        if let first = lines.first, first.hasPrefix("# ") {
            heading = first.dropFirst(2).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["#", " "])
            lines.removeFirst()
        }
        let body = lines.joined(separator: "\n")
        var parser = MarkdownParser()
        var html = parser.html(from: body)
        if html.contains("<h1>") {
            parser.addModifier(Modifier(target: .headings) { html, _ in shifted(html) })
            html = parser.html(from: body)
        }
        return (heading.flatMap { $0.isEmpty ? nil : $0 }, html)
    }

    /// `<h1>…</h1>` as `<h2>…</h2>`, down to `<h6>`.
    static func shifted(_ html: String) -> String {
        let chars = Array(html)
        guard chars.count > 8, chars[0] == "<", chars[1] == "h", let level = chars[2].wholeNumberValue, level < 6 else { return html }
        let open = "<h\(level)", close = "</h\(level)>"
        guard html.hasPrefix(open), html.hasSuffix(close) else { return html }
        return "<h\(level + 1)" + html.dropFirst(open.count).dropLast(close.count) + "</h\(level + 1)>"
    }
}
