import CrescendoCore

/// The ledger: an append-only, hash-chained record of acts of care, with the other facts the
/// engine reacts to (indicator samples, responses, money flows).
///
/// `SQLiteLedgerStore` implements it on disk and in memory. Every write is one transaction: it
/// happens whole or not at all.
public protocol LedgerStore: Sendable {
    /// Ties the ledger to a campaign on first use; throws if it belongs to another campaign.
    func bind(campaign id: String) throws

    /// Appends one entry; returns it with its seq and hash.
    func append(_ entry: LedgerEntry, recordedAt: Instant) throws -> StoredEntry

    /// Appends a correction of entry `seq`: an entry of its own that names `seq` and the reason.
    func correct(seq: Int64, with entry: LedgerEntry, reason: String, recordedAt: Instant) throws -> StoredEntry

    /// Appends every entry `next` yields, in order, in one transaction. An error from `next`
    /// (or the database) rolls everything back. `progress` is called now and then with the
    /// number of entries written so far.
    func importEntries(recordedAt: Instant, progress: ((Int) -> Void)?, _ next: () throws -> LedgerEntry?) throws -> ImportSummary

    /// The entry with this seq, if any.
    func entry(seq: Int64) throws -> StoredEntry?

    /// Calls `body` for every entry after `seq` in seq order, streaming.
    func forEachEntry(after seq: Int64, _ body: (StoredEntry) throws -> Void) throws

    /// Calls `body` for the ledger as it now reads: in seq order, a corrected entry carrying its
    /// latest correction's values (at its own seq), corrections not repeated.
    func forEachCurrentEntry(_ body: (LedgerEntry) throws -> Void) throws

    /// Entries matching a query, in seq order.
    func entries(_ query: EntryQuery) throws -> [StoredEntry]

    /// The number of entries and the newest one's seq and hash.
    func head() throws -> ChainHead

    /// Recomputes the hash chain; names the first entry that does not match.
    func verify() throws -> ChainReport

    /// Records indicator samples in one transaction; returns how many.
    func importIndicators(_ next: () throws -> IndicatorSample?) throws -> Int

    /// All indicator samples, in time order.
    func indicatorSamples() throws -> [IndicatorSample]

    /// Records a response to a deadline. Whether it answers one is the engine's to say
    /// (`ResponseStanding`), before it is recorded.
    func recordResponse(_ response: Response, recordedAt: Instant) throws

    /// All responses, in time order.
    func responses() throws -> [Response]

    /// Records money flows in one transaction; returns how many.
    func importMoneyFlows(_ next: () throws -> MoneyFlow?) throws -> Int

    /// All money flows, by date.
    func moneyFlows() throws -> [MoneyFlow]
}

extension LedgerStore {
    /// Calls `body` for every entry from the start.
    public func forEachEntry(_ body: (StoredEntry) throws -> Void) throws { try forEachEntry(after: 0, body) }
}
