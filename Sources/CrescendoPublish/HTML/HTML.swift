import CrescendoCore

/// Small helpers for writing HTML by hand, always escaped.
enum HTML {
    /// Escapes text for element content and attribute values.
    static func escape(_ s: String) -> String {
        s.escaped { u in
            switch u {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            default: return nil
            }
        }
    }

    /// A table with a caption, header cells with `scope`, and the first column as row headers.
    static func table(caption: String, head: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var s = "<div class=\"table-wrap\"><table>\n<caption>\(escape(caption))</caption>\n<thead><tr>"
        for (i, h) in head.enumerated() { s += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(escape(h))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for row in rows {
            s += "<tr>"
            for (i, cell) in row.enumerated() {
                s += i == 0 ? "<th scope=\"row\">\(escape(cell))</th>"
                            : "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(escape(cell))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody></table></div>\n"
    }
}
