import CrescendoCore

/// A filter for `LedgerStore.entries(_:)`; every field given must match.
public struct EntryQuery: Hashable, Sendable {
    public var kind: String?
    public var area: String?
    public var demand: String?
    public var fromSeq: Int64?
    public var toSeq: Int64?
    /// Entries at or after this instant.
    public var since: Instant?
    /// Entries before this instant.
    public var until: Instant?
    public var limit: Int?

    public init(kind: String? = nil, area: String? = nil, demand: String? = nil, fromSeq: Int64? = nil, toSeq: Int64? = nil,
                since: Instant? = nil, until: Instant? = nil, limit: Int? = nil) {
        self.kind = kind; self.area = area; self.demand = demand; self.fromSeq = fromSeq; self.toSeq = toSeq
        self.since = since; self.until = until; self.limit = limit
    }
}
