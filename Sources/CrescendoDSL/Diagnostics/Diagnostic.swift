/// One problem found in a campaign, rule library or rule-test file, with its exact position.
public struct Diagnostic: Hashable, Sendable {
    /// How serious a problem is: errors make `check` fail; warnings only with `--strict`.
    public enum Severity: String, Hashable, Sendable {
        case error, warning
    }

    /// The file as it was named (given on the command line, or resolved from an `include:`).
    public var file: String
    /// 1-based line; 1 for problems with the file as a whole.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 1 for problems with the file as a whole.
    public var column: Int
    public var severity: Severity
    /// The rule id (e.g. `briefing-every-20`) or section (e.g. `metrics`, `rules[2]`, `yaml`, `file`).
    public var code: String
    public var message: String
    /// A suggestion of how to fix it, when one helps.
    public var hint: String?
    /// The text of the source line, for the caret display; `nil` when there is none.
    public var sourceLine: String?

    public init(file: String, line: Int, column: Int, severity: Severity, code: String, message: String,
                hint: String? = nil, sourceLine: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.severity = severity
        self.code = code; self.message = message; self.hint = hint; self.sourceLine = sourceLine
    }

    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.isError } }
}
