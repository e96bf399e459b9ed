import CrescendoDSL

/// Campaign files that did not load.
public struct ReloadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { DiagnosticRenderer.text(diagnostics) }
}
