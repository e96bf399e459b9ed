/// A dry run: facts in, the actions that would happen out, through the one engine.
///
/// The ledger is streamed: memory holds what the rolling windows hold, not the ledger. A
/// ledger that is not in time order is read again into memory and stably sorted by `at`
/// (entries are numbered in order of `at`, ties in file order).
public enum Simulation {
    /// Pulls the next ledger entry, or nil at the end; throws on a bad row.
    public typealias EntrySource = () throws -> LedgerEntry?
    /// Pulls the next batch of entries with their keys in the campaign (see `EntryKeys`), as
    /// `LedgerCSVReader.nextKeyed` gives them, in ledger order; nil at the end. Batches spare
    /// the engine a call and a copy per entry.
    public typealias KeyedBatchSource = () throws -> [KeyedEntry]?

    public struct Result {
        public var occurrences: [Occurrence]
        public var engine: Engine
        /// The last instant judged.
        public var endedAt: Instant
        /// Whether the ledger had to be sorted in memory.
        public var sortedInMemory: Bool
    }

    /// A ledger that turned out not to be in time order (it is then sorted in memory).
    struct Unsorted: Error {}

    /// Runs the campaign over the facts. `openLedger` may be called twice: once to stream, and
    /// again if the ledger turns out not to be in time order.
    public static func run(campaign: Campaign, openLedger: () throws -> EntrySource, indicators: [IndicatorSample],
                           responses: [Response], options: Engine.Options) throws -> Result {
        try run(campaign: campaign, openBatches: {
            let next = try openLedger()
            return {
                var batch: [KeyedEntry] = []
                while batch.count < 1024, let e = try next() { batch.append(KeyedEntry(entry: e)) }
                return batch.isEmpty ? nil : batch
            }
        }, indicators: indicators, responses: responses, options: options)
    }

    /// Runs the campaign over batches of entries that come with their keys in it.
    public static func run(campaign: Campaign, openBatches openLedger: () throws -> KeyedBatchSource, indicators: [IndicatorSample],
                           responses: [Response], options: Engine.Options) throws -> Result {
        let others = FactOrder(indicators: indicators, responses: responses)
        do {
            return try run(campaign: campaign, batches: try openLedger(), others: others, options: options, requireOrder: true)
        } catch is Unsorted {
            var r = try run(campaign: campaign, batches: oneBatch(try readSorted(openLedger)), others: others, options: options,
                            requireOrder: false)
            r.sortedInMemory = true
            return r
        }
    }

    /// Every entry of a ledger that is not in time order, read again and stably sorted by `at`.
    static func readSorted(_ openLedger: () throws -> KeyedBatchSource) throws -> [KeyedEntry] {
        let next = try openLedger()
        var all: [KeyedEntry] = []
        while let batch = try next() { all.append(contentsOf: batch) }
        return FactOrder.byTime(all, at: \.entry.at)
    }

    /// A source that hands over `entries` as one batch.
    static func oneBatch(_ entries: [KeyedEntry]) -> KeyedBatchSource {
        var done = false
        return {
            defer { done = true }
            return done ? nil : entries
        }
    }

    private static func run(campaign: Campaign, batches next: KeyedBatchSource, others: FactOrder, options: Engine.Options,
                            requireOrder: Bool) throws -> Result {
        var feed = FactFeed(engine: Engine(campaign: campaign, options: options), others: others, requireOrder: requireOrder)
        while let batch = try next() {
            // Entries are read where they lie in the batch, not copied out one by one.
            try batch.withUnsafeBufferPointer { entries in
                for j in 0..<entries.count { try feed.record(entries[j].entry, keys: entries[j].keys) }
            }
        }
        try feed.finish()
        return feed.result(sortedInMemory: false)
    }
}
