import CrescendoCore

/// What the daemon keeps beside the ledger: the actions it decided under their stable ids, one
/// delivery per action and channel with its retry state, each campaign's pending timers, and
/// its watermark (how far it has judged).
///
/// The daemon's part of the store seam: the scheduler, the dispatcher, the HTTP API and the
/// metrics see only this protocol. `commit(_:)` is the one write of engine output (actions,
/// timers and watermark in one transaction, fenced by the campaign's lease); `claimDeliveries`
/// and `recordAttempt` are the dispatcher's claim and its fenced completion.
/// `SQLiteLedgerStore` satisfies it with synchronous methods.
public protocol DaemonStore: AccessStore {
    /// A campaign's persisted watermark, if the daemon ever committed a step for it.
    func watermark(campaign: String) async throws -> Watermark?

    /// Commits one scheduler step in one transaction: the new actions (ids already present are
    /// left alone) with a delivery per channel (first attempted at its `deliverAt`, if later
    /// than the decision), the timer snapshot when given, and the watermark. Returns the
    /// actions that were new. With `step.fence`, it first checks (and holds, for the rest of
    /// the transaction) the campaign's lease, and throws `LeaseLost`, writing nothing, when
    /// the lease is no longer that owner's under that epoch.
    @discardableResult
    func commit(_ step: DaemonStep) async throws -> [ActionRecord]

    /// Which of these action ids are already recorded.
    func existingActionIDs(_ ids: [String]) async throws -> Set<String>

    /// The persisted timers of a campaign, earliest first.
    func timers(campaign: String) async throws -> [TimerRecord]

    /// Pending deliveries whose next attempt is due by `now`, oldest first, at most `limit`.
    func dueDeliveries(now: Instant, limit: Int) async throws -> [DeliveryRecord]

    /// Claims due deliveries for `owner`, at most `limit`, in one statement: pending ones due by
    /// `now` whose earlier claim (if any) has expired by the database's clock, oldest first,
    /// each given the next claim number and a claim lease of `ttl` seconds from the database's
    /// `now()`. Several daemons claiming at once get disjoint rows (`FOR UPDATE SKIP LOCKED`).
    func claimDeliveries(now: Instant, limit: Int, owner: String, ttl: Double) async throws -> [DeliveryRecord]

    /// Extends the claim leases of these deliveries (by action id and channel) that are still
    /// pending and `owner`'s, to `ttl` seconds from the database's `now()`; returns how many.
    @discardableResult
    func renewClaims(_ deliveries: [(actionID: String, channel: String)], owner: String, ttl: Double) async throws -> Int

    /// Takes or renews a campaign's lease for `owner`, for `ttl` seconds of the database's
    /// clock, and returns its fencing epoch; nil when another owner holds it unexpired. A new
    /// owner raises the epoch by one; the same owner renewing keeps it. (An SQLite ledger is
    /// one process's: there a new owner takes the lease at once; see docs/federation.md.)
    func takeLease(campaign: String, owner: String, ttl: Double) async throws -> Int64?

    /// Gives up every lease `owner` holds (at a clean stop), so another daemon takes over at once.
    func releaseLeases(owner: String) async throws

    /// Records the outcome of one delivery attempt (see `DeliveryOutcome`): the action becomes
    /// delivered once every channel has, dead when any is. Returns false, changing nothing,
    /// when the outcome is not the delivery's next attempt (it was recorded already) or its
    /// claim is no longer the delivery's. A counted outcome ends the claim.
    @discardableResult
    func recordAttempt(_ outcome: DeliveryOutcome) async throws -> Bool

    /// Actions due at or after `since` (all when nil), by due time then decision order, at most `limit`.
    func actions(since: Instant?, limit: Int) async throws -> [ActionRecord]

    /// How many actions are in each state.
    func actionCounts() async throws -> [ActionRecord.State: Int]

    /// Per campaign and channel: deliveries in each state and the latest error.
    func channelHealth() async throws -> [ChannelHealth]

    /// Dead deliveries (dead letters), newest first.
    func deadLetters(limit: Int) async throws -> [DeliveryRecord]

    /// Makes the dead deliveries of an action (of one channel, or every one when `channel` is
    /// nil) pending again, due at `at`, and the action with them, writing `audit` (with the
    /// channels in its `ids`) in the same transaction. Returns the channels made pending; none
    /// (and nothing written) when the action has no dead delivery.
    func retryDeadDeliveries(actionID: String, channel: String?, at: Instant, audit: AuditEvent) async throws -> [String]

    // MARK: The whole ledger, for `crescendo ledger copy`

    /// How many rows each table holds.
    func contents() async throws -> LedgerContents

    /// Calls `body` with every row as stored, in `LedgerRecord`'s order, streaming, all read in
    /// one transaction (one consistent state of the ledger).
    func forEachRecord(_ body: (LedgerRecord) throws -> Void) async throws

    /// Writes rows exactly as another store kept them (seqs, times, hashes, states) into this
    /// ledger, which must be empty, in one transaction: nothing is written unless every row is.
    /// Entries must come in seq order and chain (`ChainVerifier`); a break throws
    /// `StoreError.brokenSource`. Returns what was written.
    func restore(from source: String, _ next: () throws -> LedgerRecord?) async throws -> LedgerContents
}
