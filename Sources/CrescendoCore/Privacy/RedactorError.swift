/// A `privacy.redact` pattern the linear-time engine cannot run.
public struct RedactorError: Error, Equatable, Sendable, CustomStringConvertible {
    public let pattern: String
    /// What is wrong with it (`PatternError.description`).
    public let reason: String
    public init(pattern: String, reason: String = "it does not parse") { self.pattern = pattern; self.reason = reason }
    public var description: String { "the privacy.redact pattern \"\(pattern)\" cannot be used: \(reason)" }
}
