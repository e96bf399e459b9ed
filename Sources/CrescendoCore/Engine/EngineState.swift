/// Running counters of an `every:` rule.
struct EveryState {
    /// The rule (index into the campaign's rules).
    let rule: Int
    /// N in thousandths for metric totals, plain for entries and silences.
    let step: Int64
    let per: Dimension?
    let filter: EntryFilter
    let filtered: Bool
    /// No `per` and no `where`: one counter over everything counted.
    let simple: Bool
    var total: Int64 = 0
    /// For a simple counter: the first multiple of `step` above `total` (`Int64.min` once the
    /// total is negative), so that counting an entry needs no division until it is reached.
    var nextMultiple: Int64
    var perKey: [String: Int64] = [:]

    init(rule: Int, step: Int64, per: Dimension?, filter: EntryFilter) {
        self.rule = rule; self.step = step; self.per = per; self.filter = filter; filtered = !filter.isEmpty
        simple = per == nil && !filtered
        nextMultiple = step
    }
}

/// Edge state of a threshold rule, per key.
struct ThresholdState {
    struct Key {
        /// Whether the condition held after the last change.
        var active = false
        /// When the current true stretch began (for `for:` holds).
        var since: Instant?
        /// Bumped whenever a hold is cancelled, so stale hold timers are ignored.
        var generation = 0
    }
    /// The rule (index into the campaign's rules).
    let rule: Int
    let threshold: Threshold
    /// The aggregator a `sum`/`count` rule reads.
    let aggregator: Int?
    let holdSeconds: Int64
    var keys: [Key] = []

    init(rule: Int, threshold: Threshold, aggregator: Int?) {
        self.rule = rule; self.threshold = threshold; self.aggregator = aggregator
        holdSeconds = threshold.hold?.seconds ?? 0
    }

}

/// Something due at an instant.
enum Timer {
    case start
    /// `slot`: the threshold's index in the engine's threshold states.
    case hold(slot: Int, key: Int, generation: Int)
    case deadlineDue(number: Int)
    case schedule(rule: Int)
    case window(rule: Int)
    case action(rule: Int, index: Int, firing: Firing)
    case followUp(rule: Int, index: Int, spec: ActionSpec, escalatedAt: Instant, tactic: String?, per: (Dimension, String)?)
    case release
}

/// A rule whose trigger fired, with what fired it.
struct Firing {
    var rule: Int
    var at: Instant
    var because: String
    /// The `per` dimension and key, if the rule counts per key.
    var per: (Dimension, String)?
    var entry: LedgerEntry?
    var deadline: Int?
    /// For a follow-up: when the escalation it follows happened.
    var followsAt: Instant? = nil
}

/// One step of judging an instant, ordered by phase (rule actions, then follow-ups), rule and
/// arrival.
struct WorkItem {
    enum Kind {
        case firing(Firing)
        case action(index: Int, firing: Firing)
        case followUp(index: Int, spec: ActionSpec, escalatedAt: Instant, tactic: String?, per: (Dimension, String)?)
        case release
    }
    var phase: Int
    var rule: Int
    var order: Int
    var kind: Kind
}

/// Escalation requests waiting out pacing; they happen together, as one.
struct DeferredGroup {
    var releaseAt: Instant
    var firstRequest: Instant
    var rule: Int
    var firing: Firing
    var ladder: String?
    var channel: String?
    var count: Int
    var reason: String
    /// Every request waiting, in order.
    var requests: [EscalationRequest]
}

/// A numbered deadline opened by a briefing.
public struct DeadlineRecord: Hashable, Sendable {
    public var number: Int
    public var demand: String
    public var target: String
    public var opened: Instant
    public var due: Instant
    /// The rule whose briefing opened it.
    public var rule: String
    public var answeredAt: Instant?
    public var response: String?
    public var win: Response.Win?
    /// Whether it came due unanswered (a silence).
    public var missed: Bool
    /// The key of the `per:` rule whose briefing opened it, for its silence.
    public var group: Occurrence.Group?
}

/// One line of `--explain`: an evaluation of a rule and what came of it.
public struct TraceLine: Hashable, Sendable {
    public var at: Instant
    public var rule: String
    public var message: String
}

/// Entries per day over the last 28 days, for the milestone forecast.
struct DailyCounts {
    var day: Int64 = .min
    var counts: [Int64] = Array(repeating: 0, count: 28)
    /// The seconds of `day` (`dayStart..<dayEnd`) and its slot in `counts`, so that an entry on
    /// the same day as the last needs no division.
    private var dayStart: Int64 = .max
    private var dayEnd: Int64 = .min
    private var slot = 0

    mutating func add(_ e: LedgerEntry) {
        let s = e.at.seconds
        if s >= dayStart && s < dayEnd { counts[slot] += 1; return }
        let d = floorDiv(s, 86_400)
        roll(to: d)
        let i = Self.slot(d)
        if d == day { dayStart = d * 86_400; dayEnd = dayStart + 86_400; slot = i }
        counts[i] += 1
    }

    /// Day `d`'s place in `counts`.
    static func slot(_ d: Int64) -> Int { Int(((d % 28) + 28) % 28) }

    mutating func roll(to d: Int64) {
        if day == .min { day = d; return }
        if d <= day { return }
        if d - day >= 28 {
            for i in 0..<28 { counts[i] = 0 }
        } else {
            var x = day + 1
            while x <= d { counts[Self.slot(x)] = 0; x += 1 }
        }
        day = d
    }

    /// Entries in each of the last four weeks ending at day `d`, oldest first.
    func weeks(endingAt d: Int64) -> [Int64] {
        var w: [Int64] = [0, 0, 0, 0]
        guard day != .min else { return w }
        for back in 0..<28 {
            let x = d - Int64(back)
            guard x <= day, day - x < 28 else { continue }
            w[3 - back / 7] += counts[Self.slot(x)]
        }
        return w
    }
}
