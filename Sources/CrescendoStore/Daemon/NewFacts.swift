import CrescendoCore

/// Facts recorded after a cursor, and the cursor past them.
public struct NewFacts: Sendable {
    /// Entries in seq order, each with its seq.
    public var entries: [LedgerEntry]
    public var indicators: [IndicatorSample]
    public var responses: [Response]
    /// The latest `recorded_at` among them (proof the daemon was alive then), if any.
    public var lastRecordedAt: Instant?
    public var cursor: FactCursor

    public init(entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response], lastRecordedAt: Instant?, cursor: FactCursor) {
        self.entries = entries; self.indicators = indicators; self.responses = responses
        self.lastRecordedAt = lastRecordedAt; self.cursor = cursor
    }

    public var isEmpty: Bool { entries.isEmpty && indicators.isEmpty && responses.isEmpty }
}
