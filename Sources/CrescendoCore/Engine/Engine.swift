/// Crescendo's discrete-event engine: a pure function of (campaign, facts so far, time).
///
/// Feed facts in time order with `record(_:into:)` and move time forward with
/// `advance(through:into:)`; every action that happens is appended to the sink, in order.
/// The engine never reads the clock, sleeps or does I/O, and its output does not depend on
/// how the facts are batched: an instant is only judged once every fact at it is known, i.e.
/// when a later fact arrives or time is advanced past it.
public struct Engine {
    public struct Options: Sendable {
        /// The first instant whose firings count (default: the campaign's start). Facts before
        /// it only build up state: totals, windows, indicator values.
        public var start: Instant?
        /// The last instant processed, inclusive (default: the campaign's end, if any).
        public var until: Instant?
        /// The rule whose every evaluation is traced.
        public var explain: String?
        /// The most trace lines kept.
        public var traceLimit: Int
        public var renderer: (any TemplateRendering)?
        public init(start: Instant? = nil, until: Instant? = nil, explain: String? = nil, traceLimit: Int = 500,
                    renderer: (any TemplateRendering)? = nil) {
            self.start = start; self.until = until; self.explain = explain; self.traceLimit = traceLimit; self.renderer = renderer
        }
    }

    /// A fact arrived for an instant the engine has already judged.
    public struct LateFact: Error, Sendable, CustomStringConvertible {
        public var fact: Fact
        public var processedThrough: Instant
        public var description: String {
            "a fact at \(fact.at) arrived after the engine had judged every instant through \(processedThrough)"
        }
    }

    public let campaign: Campaign
    public let start: Instant
    public private(set) var until: Instant?
    let options: Options
    /// Whether the campaign declares quiet hours (every action's delivery is then planned).
    let quiet: Bool

    /// The instant whose facts are being recorded: they are applied as they come, and the
    /// instant is judged once time moves past it.
    var pendingAt: Instant?
    /// Every instant up to and including this one has been judged.
    public internal(set) var processedThrough: Instant = .distantPast
    var started = false

    // Ledger state.
    public internal(set) var entryCount: Int64 = 0
    var metricIndex: [String: Int] = [:]
    var metricTotals: [Int64]
    var daily = DailyCounts()

    // Rule state.
    // `every:` counters and threshold states, dense; `everySlot` and `thresholdSlot` map a
    // rule's index to its slot (or -1).
    var every: [EveryState] = []
    var everySlot: [Int] = []
    var everyEntryRules: [Int] = []
    var everyMetricRules: [[Int]] = []
    var everySilenceRules: [Int] = []
    var aggregators: [Aggregator] = []
    /// The dimensions some aggregator counts `per`, and ids for their values, so that each
    /// entry's value is looked up once, not once per aggregator.
    var perDimensions: [Dimension] = []
    var dimensionIDs: [[String: Int]] = [[:], [:], [:]]  // area, demand, kind
    var thresholds: [ThresholdState] = []
    var thresholdSlot: [Int] = []
    var indicatorRules: [String: [Int]] = [:]
    var indicatorValues: [String: Double] = [:]
    var dirtyIndicators: Set<String> = []
    var dirtyIndicatorOrder: [String] = []
    public internal(set) var notes: [String] = []
    var timers = TimerQueue<Timer>()

    // Deadlines, silences and escalations.
    public internal(set) var deadlines: [DeadlineRecord] = []
    public internal(set) var silences: Int64 = 0
    var escalationHistory: [Instant] = []
    public internal(set) var lastEscalation: Instant?
    var ladderCounts: [String: Int] = [:]
    var deferred: DeferredGroup?
    var releasedNow: (at: Instant, index: Int)?

    // The instant being judged.
    var work: [WorkItem] = []
    var out: [Occurrence] = []
    var workOrder = 0
    var workCursor = 0
    var fired: [Int: Int] = [:]
    /// The tactic of the escalation that just happened, for the actions and follow-ups after it.
    var firingTactic: String?
    var notFired: [Int: Int] = [:]

    public internal(set) var trace: [TraceLine] = []
    public internal(set) var traceDropped = 0
    let explainRule: Int?

    public init(campaign: Campaign, options: Options = Options()) {
        self.campaign = campaign
        self.options = options
        self.quiet = campaign.hasQuietHours
        self.start = options.start ?? campaign.start
        var until = options.until
        if let end = campaign.end { until = min(until ?? end, end) }
        self.until = until
        self.explainRule = options.explain.flatMap { id in campaign.rules.firstIndex { $0.id == id } }
        metricTotals = Array(repeating: 0, count: campaign.metrics.count)
        for (i, m) in campaign.metrics.enumerated() { metricIndex[m.id] = i }
        // Declared values take the ids of their places in the campaign, as `EntryKeys` give them.
        for a in campaign.areas { _ = dimensionID(.area, a.id) }
        for d in campaign.demands { _ = dimensionID(.demand, d.id) }
        for m in campaign.metrics { _ = dimensionID(.kind, m.id) }
        setUpRules()
        if explainRule != nil { for a in aggregators.indices { aggregators[a].judgesEveryChange = true } }
        timers.insert(.start, at: start)
    }

    /// Records a fact. Facts must come in time order; instants before the fact's are judged.
    public mutating func record(_ fact: Fact, into sink: inout [Occurrence]) throws {
        switch fact {
        case .entry(let e): try record(entry: e, into: &sink)
        default:
            guard try open(fact.at, fact, into: &sink) else { return }
            apply(fact, at: fact.at, live: fact.at >= start)
        }
    }

    /// Records a ledger entry (the common fact, without wrapping it). `keys`, when known, spare
    /// the engine looking up the entry's kind, area and demand; they must be the entry's places
    /// in this engine's campaign.
    public mutating func record(entry e: LedgerEntry, keys: EntryKeys = .unknown, into sink: inout [Occurrence]) throws {
        guard try open(e.at, .entry(e), into: &sink) else { return }
        apply(entry: e, keys: keys, at: e.at, live: e.at >= start)
    }

    /// Makes `t` the instant being recorded, judging every earlier one first. False when `t`
    /// is past `until` (the fact is ignored).
    private mutating func open(_ t: Instant, _ fact: @autoclosure () -> Fact, into sink: inout [Occurrence]) throws -> Bool {
        if let u = until, t > u { return false }
        if t <= processedThrough { throw LateFact(fact: fact(), processedThrough: processedThrough) }
        if pendingAt != t {
            run(through: t - TimeSpan(seconds: 1), into: &sink)
            pendingAt = t
        }
        return true
    }

    /// Declares that every fact at or before `t` has been recorded, and judges through `t`
    /// (or through `until`, if that is earlier).
    public mutating func advance(through t: Instant, into sink: inout [Occurrence]) {
        run(through: t, into: &sink)
    }

    /// Judges everything through `until` (or, without one, through the last recorded fact and
    /// every timer due by then).
    public mutating func finish(into sink: inout [Occurrence]) {
        let last = until ?? max(pendingAt ?? processedThrough, processedThrough, start)
        run(through: last, into: &sink)
    }

    /// Makes `u` (or, without one, the campaign's end) the last instant judged, as
    /// `Options.until` would have: for a copy of an engine that has judged no further (a
    /// scenario's own end, see `ScenarioRun`).
    mutating func end(at u: Instant?) {
        precondition(u.map { $0 >= processedThrough } ?? true, "an engine cannot end before what it has judged")
        until = campaign.end.map { min(u ?? $0, $0) } ?? u
    }

    /// When the next entry leaves a rolling window, if any is held.
    var nextExit: Instant? {
        var best = Int64.max
        for a in 0..<aggregators.count where aggregators[a].nextExit < best { best = aggregators[a].nextExit }
        return best == .max ? nil : Instant(seconds: best)
    }

    /// Judges every instant with something due, up to and including `limit`.
    mutating func run(through limit: Instant, into sink: inout [Occurrence]) {
        var limit = limit
        if let u = until, u < limit { limit = u }
        while true {
            var t = Instant.distantFuture
            if let p = pendingAt { t = p }
            if let d = timers.nextDue, d < t { t = d }
            if let x = nextExit, x < t { t = x }
            guard t <= limit else { break }
            judge(t, into: &sink)
        }
        if limit > processedThrough { processedThrough = limit }
    }

    func ruleID(_ i: Int) -> String { campaign.rules[i].id }
}
