/// What the public site is built from, in a few integers: the chain's head and the last row of
/// each kind of side fact. Any write the site can show changes it; reading it costs four
/// primary-key lookups, however long the ledger.
public struct LedgerVersion: Hashable, Sendable {
    /// The newest entry's seq (0 for an empty ledger).
    public var headSeq: Int64
    /// The newest entry's hash (64 zeros for an empty ledger).
    public var headHash: String
    public var lastIndicatorID: Int64
    public var lastResponseID: Int64
    public var lastMoneyFlowID: Int64

    public init(headSeq: Int64, headHash: String, lastIndicatorID: Int64, lastResponseID: Int64, lastMoneyFlowID: Int64) {
        self.headSeq = headSeq; self.headHash = headHash
        self.lastIndicatorID = lastIndicatorID; self.lastResponseID = lastResponseID; self.lastMoneyFlowID = lastMoneyFlowID
    }
}
