/// The first place where the chain breaks.
public struct ChainProblem: Hashable, Sendable, CustomStringConvertible {
    /// The seq of the first entry that does not match.
    public var seq: Int64
    public var message: String
    public var description: String { message }
}
