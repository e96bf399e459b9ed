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
