/// How far the daemon has read each kind of fact: the last entry seq and the last indicator
/// and response row ids.
public struct FactCursor: Hashable, Sendable {
    public var entrySeq: Int64
    public var indicatorID: Int64
    public var responseID: Int64
    public init(entrySeq: Int64 = 0, indicatorID: Int64 = 0, responseID: Int64 = 0) {
        self.entrySeq = entrySeq; self.indicatorID = indicatorID; self.responseID = responseID
    }
}
