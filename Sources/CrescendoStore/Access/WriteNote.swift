import CrescendoCore

/// What a write leaves beside its facts, in the same transaction: its audit line, and the
/// `Idempotency-Key` it claims with the response to keep, so that a crash can never leave
/// facts without their key or a key without its facts.
public struct WriteNote: Sendable {
    /// The audit line; for entries the store fills in `ids` with their seqs.
    public var audit: AuditEvent
    public var claim: IdempotencyClaim?
    public init(audit: AuditEvent, claim: IdempotencyClaim? = nil) { self.audit = audit; self.claim = claim }
}

/// One caller's entries in a group commit, with its note and how to build its response from
/// the stored entries (kept under its key).
public struct IngestBatch: Sendable {
    public var entries: [LedgerEntry]
    public var note: WriteNote?
    public var reply: (@Sendable ([StoredEntry]) -> StoredReply)?
    public init(entries: [LedgerEntry], note: WriteNote? = nil, reply: (@Sendable ([StoredEntry]) -> StoredReply)? = nil) {
        self.entries = entries; self.note = note; self.reply = reply
    }
}

/// How a write went: recorded (with the entries it stored, if any), or not written because
/// its key was already claimed (by a first request, or a concurrent one on another daemon).
public enum WriteOutcome: Sendable, Equatable {
    case recorded([StoredEntry])
    case claimed(IdempotencyRecord)
}
