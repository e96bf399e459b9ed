import CrescendoCore

/// The ledger: an append-only, hash-chained record of acts of care, with the other facts the
/// engine reacts to (indicator samples, responses, money flows).
///
/// The seam between Crescendo and its database: `crescendo publish`, `status`, `simulate
/// --ledger DB`, the ledger commands and the daemon see only this protocol (and
/// `DaemonStore`), so a store on another engine is one more conformance. The methods are
/// `async` because a network database answers asynchronously; `SQLiteLedgerStore` satisfies
/// them with its synchronous methods, so its fast paths (the import, streaming reads) stay as
/// they are. Every write is one transaction: it happens whole or not at all. Entries, seqs and
/// hashes are the same on every store (docs/ledger.md).
///
/// Streaming reads (`forEachEntry`, `forEachCurrentEntry`) call `body` for each row as it is
/// read, never holding the ledger whole; `body` may block (a bounded queue to another thread).
public protocol LedgerStore: Sendable {
    /// Where the ledger is, for messages (a path, or a URL without its password).
    var location: String { get }

    /// Ties the ledger to a campaign on first use; throws if it belongs to another campaign.
    func bind(campaign id: String) async throws

    // MARK: Entries

    /// Appends one entry; returns it with its seq and hash.
    func append(_ entry: LedgerEntry, recordedAt: Instant) async throws -> StoredEntry

    /// Appends a correction of entry `seq`: an entry of its own that names `seq` and the reason.
    func correct(seq: Int64, with entry: LedgerEntry, reason: String, recordedAt: Instant) async throws -> StoredEntry

    /// Appends several batches of entries in one transaction (group commit), each batch in
    /// order; returns the stored entries batch by batch. Any error rolls every batch back.
    func appendBatches(_ batches: [[LedgerEntry]], recordedAt: Instant) async throws -> [[StoredEntry]]

    /// Appends every entry `next` yields, in order, in one transaction. An error from `next`
    /// (or the database) rolls everything back. `progress` is called now and then with the
    /// number of entries written so far.
    func importEntries(recordedAt: Instant, progress: ((Int) -> Void)?, _ next: () throws -> LedgerEntry?) async throws -> ImportSummary

    /// The entry with this seq, if any.
    func entry(seq: Int64) async throws -> StoredEntry?

    /// Calls `body` for every entry after `seq` in seq order, streaming.
    func forEachEntry(after seq: Int64, _ body: (StoredEntry) throws -> Void) async throws

    /// Calls `body` for the ledger as it now reads: in seq order, a corrected entry carrying its
    /// latest correction's values (at its own seq), corrections not repeated.
    func forEachCurrentEntry(_ body: (LedgerEntry) throws -> Void) async throws

    /// Calls `body` for every entry dated at or after `start` with seq at most `seq`, in (at,
    /// seq) order, streaming, by the `at` index (schema v7): corrections among them as they are
    /// stored. `forEachCurrentEntry(from:through:)` applies the corrections.
    func forEachEntry(from start: Instant, through seq: Int64, _ body: (StoredEntry) throws -> Void) async throws

    /// The corrections with seq at most `seq`, in seq order (few; read whole).
    func corrections(through seq: Int64) async throws -> [StoredEntry]

    /// Entries matching a query, in seq order.
    func entries(_ query: EntryQuery) async throws -> [StoredEntry]

    /// The number of entries and the newest one's seq and hash.
    func head() async throws -> ChainHead

    /// What the public site is built from, in a few integers (cheap on any ledger).
    func version() async throws -> LedgerVersion

    /// Recomputes the hash chain; names the first entry that does not match.
    func verify() async throws -> ChainReport

    // MARK: The facts beside the entries

    /// Records indicator samples in one transaction; returns how many.
    func importIndicators(_ next: () throws -> IndicatorSample?) async throws -> Int

    /// All indicator samples, in time order.
    func indicatorSamples() async throws -> [IndicatorSample]

    /// Records indicator samples and responses in one transaction. Whether a response answers
    /// its deadline is the engine's to say before it is recorded (`respond`, `ResponseStanding`).
    func recordSideFacts(indicators: [IndicatorSample], responses: [Response], recordedAt: Instant) async throws

    /// All responses, in time order.
    func responses() async throws -> [Response]

    /// Records money flows in one transaction; returns how many.
    func importMoneyFlows(_ next: () throws -> MoneyFlow?) async throws -> Int

    /// All money flows, by date.
    func moneyFlows() async throws -> [MoneyFlow]

    /// Facts recorded after `cursor`, read in one transaction: entries in seq order,
    /// indicators and responses in the order they were recorded.
    func facts(after cursor: FactCursor) async throws -> NewFacts

    /// Facts dated at or after `start` among those `cursor` has read (entries with seq at most
    /// its `entrySeq`, indicator samples and responses with ids at most its ids), read in one
    /// transaction, in time order: entries by (at, seq), the others by (at, id); the result's
    /// cursor is `cursor`. A replay from a checkpoint reads what came after it with this
    /// (indexed by time since schema v7), at a cost in proportion to what it returns.
    func facts(from start: Instant, through cursor: FactCursor) async throws -> NewFacts

    /// Lets go of the store's connections (PostgreSQL's pool); a command calls it when its one
    /// job is done. The store is not used afterwards. SQLite's closes with its last reference.
    func close() async
}

extension LedgerStore {
    public func close() async {}

    /// Records one response as it is (tests and imports; `respond` judges it first).
    public func recordResponse(_ response: Response, recordedAt: Instant) async throws {
        try await recordSideFacts(indicators: [], responses: [response], recordedAt: recordedAt)
    }

    /// Calls `body` for every entry from the start.
    public func forEachEntry(_ body: (StoredEntry) throws -> Void) async throws { try await forEachEntry(after: 0, body) }
}
