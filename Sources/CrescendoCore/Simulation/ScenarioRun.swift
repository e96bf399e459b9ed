/// Simulates several scenarios of one campaign that share a base ledger and a start, each
/// exactly as `Simulation.run` would simulate its facts given as CSV files (the base ledger's
/// rows, then the scenario's, stably sorted by time; the side facts likewise), sharing what
/// they have in common: the base ledger is read once, and the engine's state up to the instant
/// where their facts part is computed once and copied for each.
public enum ScenarioRun {
    /// The real facts the scenarios start from.
    public struct Base {
        /// Opens the base ledger's entries; called again only if they are not in time order.
        public var openBatches: () throws -> Simulation.KeyedBatchSource
        public var indicators: [IndicatorSample]
        public var responses: [Response]
        public init(openBatches: @escaping () throws -> Simulation.KeyedBatchSource, indicators: [IndicatorSample] = [],
                    responses: [Response] = []) {
            self.openBatches = openBatches; self.indicators = indicators; self.responses = responses
        }
    }

    /// One scenario's run.
    public struct Outcome {
        public var scenario: Scenario
        public var result: Simulation.Result
        /// Every entry's time (the base ledger's and the scenario's), when asked for.
        public var entryTimes: [Instant]?
        /// The indicator samples it ran with: the base's, then its own.
        public var indicators: [IndicatorSample]
    }

    /// Runs `scenarios` (which share `base` and a start, `options.start` or the campaign's);
    /// each ends at its own `until`, else `options.until`. Outcomes come in the order given.
    public static func run(campaign: Campaign, scenarios: [Scenario], base: Base?, options: Engine.Options,
                           entryTimes: Bool = false) throws -> [Outcome] {
        let plan = Plan(scenarios, base: base, options: options, campaign: campaign)
        let baseIndicators = base?.indicators ?? []
        do {
            var outcomes = try plan.run(base.map { try $0.openBatches() }, requireOrder: true, entryTimes: entryTimes)
            for i in outcomes.indices { outcomes[i].indicators = baseIndicators + outcomes[i].scenario.indicators }
            return outcomes
        } catch is Simulation.Unsorted {
            let sorted = try Simulation.readSorted(base!.openBatches)
            var outcomes = try plan.run(Simulation.oneBatch(sorted), requireOrder: false, entryTimes: entryTimes)
            for i in outcomes.indices {
                outcomes[i].result.sortedInMemory = true
                outcomes[i].indicators = baseIndicators + outcomes[i].scenario.indicators
            }
            return outcomes
        }
    }

    /// The instant where the scenarios' facts first differ (`nil`: nowhere before their end):
    /// the engine's state before it is computed once.
    public static func partingInstant(of scenarios: [Scenario], base: Base?, options: Engine.Options, campaign: Campaign) -> Instant? {
        let p = Plan(scenarios, base: base, options: options, campaign: campaign).parting
        return p == .distantFuture ? nil : p
    }
}

extension ScenarioRun {
    /// Each scenario's own facts in feeding order, and where they part.
    struct Plan {
        let campaign: Campaign
        let scenarios: [Scenario]
        let options: Engine.Options
        /// Per scenario: its own entries, stably sorted by time.
        let entries: [[LedgerEntry]]
        /// Per scenario: the base's side facts and its own, in feeding order.
        let sideFacts: [[Fact]]
        let untils: [Instant?]
        /// The first instant at which some scenario's facts differ from another's, or at which
        /// one ends; `distantFuture` when none does.
        let parting: Instant

        init(_ scenarios: [Scenario], base: Base?, options: Engine.Options, campaign: Campaign) {
            self.campaign = campaign
            self.scenarios = scenarios
            self.options = options
            entries = scenarios.map { FactOrder.byTime($0.ledger, at: \.at) }
            sideFacts = scenarios.map {
                FactOrder(indicators: (base?.indicators ?? []) + $0.indicators, responses: (base?.responses ?? []) + $0.responses).sideFacts
            }
            untils = scenarios.map { $0.until ?? options.until }
            var parting = min(Self.firstDifference(entries, at: \.at), Self.firstDifference(sideFacts, at: \.at))
            for u in untils { if let u { parting = min(parting, u + TimeSpan(seconds: 1)) } }
            self.parting = parting
        }

        /// Where lists first differ: the least time of an item past their common prefix.
        static func firstDifference<T: Equatable>(_ lists: [[T]], at: (T) -> Instant) -> Instant {
            guard let first = lists.first, lists.count > 1 else { return .distantFuture }
            var k = 0
            while k < first.count, lists.allSatisfy({ k < $0.count && $0[k] == first[k] }) { k += 1 }
            return lists.compactMap { k < $0.count ? at($0[k]) : nil }.min() ?? .distantFuture
        }

        /// The shared run through the parting instant, then each scenario on a copy of it.
        func run(_ base: Simulation.KeyedBatchSource?, requireOrder: Bool, entryTimes wantTimes: Bool) throws -> [Outcome] {
            var shared = FactFeed(engine: Engine(campaign: campaign, options: options),
                                  others: FactOrder(ordered: sideFacts[0].prefix { $0.at < parting }), requireOrder: false)
            // The scenarios' own entries before the parting are the same in each: the first's.
            let common = entries[0].prefix { $0.at < parting }
            var own = common.startIndex
            var tail: [KeyedEntry] = []
            var baseTimes: [Instant] = []
            var last = Instant.distantPast
            while let batch = try base?() {
                for k in batch {
                    if requireOrder, k.entry.at < last { throw Simulation.Unsorted() }
                    last = k.entry.at
                    if wantTimes { baseTimes.append(last) }
                    if last >= parting { tail.append(k); continue }
                    // A base row comes before a scenario row at the same instant (it is earlier in the file).
                    while own < common.endIndex, common[own].at < last { try shared.record(common[own], keys: .unknown); own += 1 }
                    try shared.record(k.entry, keys: k.keys)
                }
            }
            while own < common.endIndex { try shared.record(common[own], keys: .unknown); own += 1 }
            try shared.others.feedRest { try shared.engine.record($0, into: &shared.out) }
            if parting < .distantFuture { shared.engine.advance(through: parting - TimeSpan(seconds: 1), into: &shared.out) }
            return try scenarios.indices.map { i in
                var feed = shared
                feed.engine.end(at: untils[i])
                feed.others = FactOrder(ordered: sideFacts[i].drop { $0.at < parting })
                let mine = entries[i].drop { $0.at < parting }
                var b = tail.startIndex, m = mine.startIndex
                while b < tail.endIndex || m < mine.endIndex {
                    if m == mine.endIndex || b < tail.endIndex && tail[b].entry.at <= mine[m].at {
                        try feed.record(tail[b].entry, keys: tail[b].keys); b += 1
                    } else {
                        try feed.record(mine[m], keys: .unknown); m += 1
                    }
                }
                try feed.finish()
                let times = wantTimes ? baseTimes + entries[i].map(\.at) : nil
                return Outcome(scenario: scenarios[i], result: feed.result(sortedInMemory: false), entryTimes: times, indicators: [])
            }
        }
    }
}
