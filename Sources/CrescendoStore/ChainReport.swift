/// The result of recomputing the hash chain.
public struct ChainReport: Hashable, Sendable {
    /// Entries checked.
    public var count: Int64
    /// The last entry's hash as stored (64 zeros for an empty ledger).
    public var headHash: String
    /// The first entry that does not match, if any.
    public var problem: ChainProblem?

    public var isIntact: Bool { problem == nil }
}

/// The first place where the chain breaks.
public struct ChainProblem: Hashable, Sendable, CustomStringConvertible {
    /// The seq of the first entry that does not match.
    public var seq: Int64
    public var message: String
    public var description: String { message }
}
