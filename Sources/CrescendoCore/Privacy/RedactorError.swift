/// A `privacy.redact` pattern that is not a valid regular expression.
public struct RedactorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var description: String { "privacy.redact pattern \"\(pattern)\" is not a valid regular expression" }
}
