/// The size of the ledger and its newest entry.
public struct ChainHead: Hashable, Sendable {
    /// Number of entries.
    public var count: Int64
    /// The newest entry's seq (0 for an empty ledger).
    public var seq: Int64
    /// The newest entry's hash (64 zeros for an empty ledger).
    public var hash: String

    public init(count: Int64, seq: Int64, hash: String) { self.count = count; self.seq = seq; self.hash = hash }
}
