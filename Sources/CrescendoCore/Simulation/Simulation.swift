/// A dry run: facts in, the actions that would happen out, through the one engine.
///
/// The ledger is streamed: memory holds what the rolling windows hold, not the ledger. A
/// ledger that is not in time order is read again into memory and stably sorted by `at`
/// (entries are numbered in order of `at`, ties in file order).
public enum Simulation {
    /// Pulls the next ledger entry, or nil at the end; throws on a bad row.
    public typealias EntrySource = () throws -> LedgerEntry?
    /// Pulls the next entry with its keys in the campaign (see `EntryKeys`), as
    /// `LedgerCSVReader.nextKeyed` gives them.
    public typealias KeyedEntrySource = () throws -> KeyedEntry?

    public struct Result {
        public var occurrences: [Occurrence]
        public var engine: Engine
        /// The last instant judged.
        public var endedAt: Instant
        /// Whether the ledger had to be sorted in memory.
        public var sortedInMemory: Bool
    }

    private struct Unsorted: Error {}

    /// Runs the campaign over the facts. `openLedger` may be called twice: once to stream, and
    /// again if the ledger turns out not to be in time order.
    public static func run(campaign: Campaign, openLedger: () throws -> EntrySource, indicators: [IndicatorSample],
                           responses: [Response], options: Engine.Options) throws -> Result {
        try run(campaign: campaign, openKeyedLedger: {
            let next = try openLedger()
            return { try next().map { KeyedEntry(entry: $0) } }
        }, indicators: indicators, responses: responses, options: options)
    }

    /// Runs the campaign over entries that come with their keys in it.
    public static func run(campaign: Campaign, openKeyedLedger openLedger: () throws -> KeyedEntrySource, indicators: [IndicatorSample],
                           responses: [Response], options: Engine.Options) throws -> Result {
        let others = sideFacts(indicators: indicators, responses: responses)
        do {
            return try run(campaign: campaign, entries: try openLedger(), others: others, options: options, requireOrder: true)
        } catch is Unsorted {
            let next = try openLedger()
            var all: [KeyedEntry] = []
            while let e = try next() { all.append(e) }
            let sorted = all.enumerated().sorted {
                $0.element.entry.at != $1.element.entry.at ? $0.element.entry.at < $1.element.entry.at : $0.offset < $1.offset
            }
            var iterator = sorted.makeIterator()
            var r = try run(campaign: campaign, entries: { iterator.next()?.element }, others: others, options: options, requireOrder: false)
            r.sortedInMemory = true
            return r
        }
    }

    /// Indicators and responses merged in time order, ties in the order given.
    static func sideFacts(indicators: [IndicatorSample], responses: [Response]) -> [Fact] {
        let facts = indicators.map { Fact.indicator($0) } + responses.map { Fact.response($0) }
        return facts.enumerated().sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }.map(\.element)
    }

    private static func run(campaign: Campaign, entries next: KeyedEntrySource, others: [Fact], options: Engine.Options,
                            requireOrder: Bool) throws -> Result {
        var engine = Engine(campaign: campaign, options: options)
        var out: [Occurrence] = []
        var i = 0
        var lastEntry = Instant.distantPast
        // Facts go in time order, so the engine cannot reject them as late (hence `try?`).
        while let keyed = try next() {
            let e = keyed.entry
            if requireOrder, e.at < lastEntry { throw Unsorted() }
            lastEntry = e.at
            while i < others.count, others[i].at <= e.at { try? engine.record(others[i], into: &out); i += 1 }
            try? engine.record(entry: e, keys: keyed.keys, into: &out)
        }
        while i < others.count { try? engine.record(others[i], into: &out); i += 1 }
        engine.finish(into: &out)
        return Result(occurrences: out, engine: engine, endedAt: engine.processedThrough, sortedInMemory: false)
    }
}
