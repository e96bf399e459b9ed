import CrescendoCore
import CrescendoDSL

/// A reload that failed: the old rules kept running. Each problem names file:line:column.
public struct ReloadFailure: Sendable {
    /// When the reload was attempted.
    public var at: Instant
    /// The errors, as `crescendo check` reports them.
    public var diagnostics: [Diagnostic]

    /// `file:line:column: message` per error.
    public var lines: [String] {
        diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" + ($0.hint.map { " (\($0))" } ?? "") }
    }
}
