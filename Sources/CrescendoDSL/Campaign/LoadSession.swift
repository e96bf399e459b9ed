import Foundation

/// The files of one load or check, each with its own diagnostics, in the order they were
/// first read.
final class LoadSession {
    private var sinks: [DiagnosticSink] = []

    func sink(for path: String) -> DiagnosticSink {
        if let existing = sinks.first(where: { $0.file == path }) { return existing }
        let sink = DiagnosticSink(file: path)
        sinks.append(sink)
        return sink
    }

    var hasErrors: Bool { sinks.contains { $0.hasErrors } }

    /// All diagnostics: file by file, each file's in order of line and column.
    var diagnostics: [Diagnostic] {
        sinks.flatMap { sink in
            sink.diagnostics.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }.map(\.element)
        }
    }
}
