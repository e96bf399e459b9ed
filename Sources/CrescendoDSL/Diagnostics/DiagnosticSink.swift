import Yams

/// Collects the diagnostics of one file and attaches the source line to each.
final class DiagnosticSink {
    let file: String
    private var text: String?
    private lazy var lines: [Substring] = text?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Makes the file's lines available for the caret display (split only when needed).
    func attach(text: String) {
        self.text = text
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    func error(_ at: Position, _ code: String, _ message: String, hint: String? = nil) {
        add(.error, at, code, message, hint)
    }

    func warning(_ at: Position, _ code: String, _ message: String, hint: String? = nil) {
        add(.warning, at, code, message, hint)
    }

    func error(_ node: Node, _ code: String, _ message: String, hint: String? = nil) {
        add(.error, Position(node), code, message, hint)
    }

    func warning(_ node: Node, _ code: String, _ message: String, hint: String? = nil) {
        add(.warning, Position(node), code, message, hint)
    }

    private func add(_ severity: Diagnostic.Severity, _ at: Position, _ code: String, _ message: String, _ hint: String?) {
        let index = at.line - 1
        var source: String?
        if index >= 0, index < lines.count {
            var line = lines[index]
            if line.last == "\r" { line = line.dropLast() }
            source = String(line)
        }
        diagnostics.append(Diagnostic(file: file, line: at.line, column: at.column, severity: severity,
                                      code: code, message: message, hint: hint, sourceLine: source))
    }
}
