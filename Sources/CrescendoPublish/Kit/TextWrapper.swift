/// Breaks text into lines that fit a width in DejaVu Sans (`TextMeasure`): at spaces where it
/// can, inside a word only when the word alone is too wide, and at most `maxLines` lines, the
/// last ending in "…" when text was left out.
///
/// Text is made fit for an SVG `<text>` first: runs of white space (line breaks included)
/// become one space, and characters XML does not allow are dropped.
struct TextWrapper {
    var width: Double
    var size: Double
    var bold = false

    /// The lines, at most `maxLines` (none for blank text).
    func lines(_ text: String, maxLines: Int) -> [String] {
        let words = Self.clean(text).split(separator: " ")
        var lines: [String] = []
        var line = ""
        for word in words {
            let joined = line.isEmpty ? String(word) : line + " " + word
            if fits(joined) { line = joined; continue }
            if !line.isEmpty { lines.append(line) }
            line = ""
            for c in word {
                if fits(line + String(c)) || line.isEmpty { line.append(c) } else { lines.append(line); line = String(c) }
            }
            if lines.count > maxLines { break }
        }
        if !line.isEmpty { lines.append(line) }
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var last = lines[maxLines - 1]
        while !last.isEmpty, !fits(last + "…") { last.removeLast() }
        while last.last == " " { last.removeLast() }
        return Array(lines.prefix(maxLines - 1)) + [last + "…"]
    }

    /// The size at which `text` fits on one line: `size`, or smaller (down to `minimum`).
    func fittingSize(_ text: String, minimum: Double) -> Double {
        let w = TextMeasure.width(Self.clean(text), size: size, bold: bold)
        return w <= width ? size : max(minimum, (size * width / w * 10).rounded(.down) / 10)
    }

    private func fits(_ s: String) -> Bool { TextMeasure.width(s, size: size, bold: bold) <= width }

    /// One space for each run of white space (a no-break space is kept: it joins words); no
    /// characters XML 1.0 forbids.
    static func clean(_ text: String) -> String {
        var out = ""
        var space = false
        for u in text.unicodeScalars {
            if u.properties.isWhitespace, u != "\u{00A0}" { space = !out.isEmpty; continue }
            let v = u.value
            guard v >= 0x20, v != 0xFFFE, v != 0xFFFF, !(0x7F...0x9F).contains(v) else { continue }
            if space { out.unicodeScalars.append(" "); space = false }
            out.unicodeScalars.append(u)
        }
        return out
    }
}
