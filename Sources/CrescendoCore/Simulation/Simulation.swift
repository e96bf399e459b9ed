/// A dry run: facts in, the actions that would happen out, through the one engine.
///
/// The ledger is streamed: memory holds what the rolling windows hold, not the ledger. A
/// ledger that is not in time order is read again into memory and stably sorted by `at`
/// (entries are numbered in order of `at`, ties in file order).
public enum Simulation {
    /// Pulls the next ledger entry, or nil at the end; throws on a bad row.
    public typealias EntrySource = () throws -> LedgerEntry?

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
        let others = sideFacts(indicators: indicators, responses: responses)
        do {
            return try run(campaign: campaign, entries: try openLedger(), others: others, options: options, requireOrder: true)
        } catch is Unsorted {
            let next = try openLedger()
            var all: [LedgerEntry] = []
            while let e = try next() { all.append(e) }
            let sorted = all.enumerated().sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }
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

    private static func run(campaign: Campaign, entries next: EntrySource, others: [Fact], options: Engine.Options,
                            requireOrder: Bool) throws -> Result {
        var engine = Engine(campaign: campaign, options: options)
        var out: [Occurrence] = []
        var i = 0
        var last = Instant.distantPast
        func feed(_ f: Fact) {
            // Facts arrive in time order, so the engine cannot reject them as late.
            try? engine.record(f, into: &out)
            if f.at > last { last = f.at }
        }
        while let e = try next() {
            // Every fact fed so far is at or before the previous entry, so this means disorder.
            if requireOrder, e.at < last { throw Unsorted() }
            while i < others.count, others[i].at <= e.at { feed(others[i]); i += 1 }
            feed(.entry(e))
        }
        while i < others.count { feed(others[i]); i += 1 }
        engine.finish(into: &out)
        return Result(occurrences: out, engine: engine, endedAt: engine.processedThrough, sortedInMemory: false)
    }
}
