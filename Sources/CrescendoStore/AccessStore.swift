import CrescendoCore

/// People, their tokens, the audit log and retry-safe writes: the part of the store seam that
/// any daemon sharing the ledger must see (so they live in the ledger database, beside the
/// entries they guard).
///
/// `ingest` and `recordSideFacts(...note:)` write a write's facts, its audit line and its
/// claimed `Idempotency-Key` (with the response to give again) in one transaction. A key
/// already claimed writes nothing and comes back as `.claimed`; keys are scoped to a token's
/// name and kept at least 7 days (`pruneIdempotencyKeys`).
public protocol AccessStore: LedgerStore {
    // MARK: Tokens

    /// Adds a token under a new name; throws `StoreError.tokenExists` for a name already used
    /// (revoked ones included).
    func addToken(_ token: TokenRecord, hash: String) async throws

    /// Every token, by name (revoked ones included, marked).
    func tokens() async throws -> [TokenRecord]

    /// The token with this hash, if any (revoked and expired ones included: the caller decides).
    func token(hash: String) async throws -> TokenRecord?

    /// Revokes a token; throws `StoreError.noSuchToken`. Revoking twice keeps the first time.
    func revokeToken(name: String, at: Instant) async throws

    /// Records when tokens were last used (name to time), in one write; never moves a time back.
    func recordTokenUse(_ lastUsed: [String: Instant]) async throws

    // MARK: The audit log

    /// Appends audit lines in one transaction.
    func appendAudit(_ events: [AuditEvent]) async throws

    /// A page of the audit log.
    func audit(_ query: AuditQuery) async throws -> [AuditEvent]

    // MARK: Retry-safe writes

    /// The claim of `key` in `scope`, if any.
    func idempotencyRecord(scope: String, key: String) async throws -> IdempotencyRecord?

    /// Deletes claims first made before `cutoff`; returns how many.
    @discardableResult
    func pruneIdempotencyKeys(before cutoff: Instant) async throws -> Int

    /// Group commit with notes: each batch's entries, audit line and key in one transaction
    /// for all of them, in order. A batch whose key is already claimed writes nothing.
    func ingest(_ batches: [IngestBatch], recordedAt: Instant) async throws -> [WriteOutcome]

    /// `recordSideFacts` with a note: the facts, the audit line and the key (kept with
    /// `reply`) in one transaction, or nothing when the key is already claimed.
    func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant,
                         note: WriteNote, reply: StoredReply) async throws -> WriteOutcome

    // MARK: The web app's sessions

    /// Stores a session under `key` (the SHA-256 of its cookie), replacing one already there;
    /// `expiresAt` nil keeps the expiry it had (none for a new one).
    func putSession(key: String, value: String, expiresAt: Instant?) async throws

    /// The session under `key` with its expiry, unless it expired before `now`.
    func session(key: String, now: Instant) async throws -> StoredSession?

    /// Removes the session under `key` (nothing when there is none).
    func removeSession(key: String) async throws

    /// Deletes sessions that expired before `cutoff`; returns how many.
    @discardableResult
    func pruneSessions(before cutoff: Instant) async throws -> Int
}
