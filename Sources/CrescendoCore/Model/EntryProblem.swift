/// Why an entry does not fit its campaign: the field at fault and a sentence naming the value
/// and what is declared (`Campaign.problem(with:)`).
public struct EntryProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// `kind`, `demand` or `area`.
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public var description: String { message }
}
