import Foundation

/// Renders diagnostics for people (compiler style, with the source line and a caret) or for
/// tools (a JSON array).
public enum DiagnosticRenderer {
    /// `file:line:column: error: code: message`, the source line, a caret under the column and,
    /// when there is one, a `hint:` line.
    public static func text(_ d: Diagnostic) -> String {
        var out = "\(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.code): \(d.message)\n"
        if let line = d.sourceLine {
            out += line + "\n"
            out += caretLine(under: d.column, in: line) + "\n"
        }
        if let hint = d.hint { out += "hint: \(hint)\n" }
        return out
    }

    /// All diagnostics as text, in order.
    public static func text(_ ds: [Diagnostic]) -> String { ds.map(text).joined() }

    /// A JSON array of `{file, line, column, severity, code, message, hint}`; `hint` is `null`
    /// when there is none. Keys are sorted so that the output is stable.
    public static func json(_ ds: [Diagnostic]) -> String {
        if ds.isEmpty { return "[]" }
        let objects: [[String: Any]] = ds.map {
            ["file": $0.file, "line": $0.line, "column": $0.column, "severity": $0.severity.rawValue,
             "code": $0.code, "message": $0.message, "hint": $0.hint ?? NSNull()]
        }
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: objects, options: options) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Spaces up to the column (tabs kept, so the caret lines up), then `^`.
    private static func caretLine(under column: Int, in line: String) -> String {
        var pad = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        return pad + "^"
    }
}
