import CrescendoCore

/// A ledger entry as recorded: the entry (with its `seq`), when it was recorded, what it
/// corrects, and its place in the hash chain.
public struct StoredEntry: Hashable, Sendable {
    public var entry: LedgerEntry
    /// When the entry was written to the ledger (not when the act of care happened).
    public var recordedAt: Instant
    /// The seq of the entry this one corrects, for a correction.
    public var corrects: Int64?
    public var correctionReason: String?
    /// SHA-256 of the previous hash and this entry's canonical encoding, as 64 lowercase hex digits.
    public var hash: String

    public init(entry: LedgerEntry, recordedAt: Instant, corrects: Int64? = nil, correctionReason: String? = nil, hash: String) {
        self.entry = entry; self.recordedAt = recordedAt; self.corrects = corrects
        self.correctionReason = correctionReason; self.hash = hash
    }

    public var seq: Int64 { entry.seq }
}
