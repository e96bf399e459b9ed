/// What an import wrote.
public struct ImportSummary: Hashable, Sendable {
    /// Entries written.
    public var count: Int
    /// The seq of the first entry written (when any were).
    public var firstSeq: Int64?
    /// The ledger's head after the import.
    public var head: ChainHead

    public init(count: Int, firstSeq: Int64?, head: ChainHead) { self.count = count; self.firstSeq = firstSeq; self.head = head }
}
