/// One rule: a trigger (`when`), conditions (`if`), actions (`do`) and optional follow-ups (`then`).
public struct Rule: Hashable, Sendable {
    public enum OnMissed: String, Hashable, Sendable { case fireOnce = "fire_once", fireAll = "fire_all", skip }

    public var id: String
    public var trigger: Trigger
    public var conditions: [Condition]
    public var actions: [ActionSpec]
    /// Follow-ups after this rule's escalations; `nil` means the campaign's `decompression`.
    public var then: [ActionSpec]?
    public var onMissed: OnMissed
    public var enabled: Bool
    /// Where the rule was declared (the campaign file or an included library), for messages.
    public var source: String

    public init(id: String, trigger: Trigger, conditions: [Condition] = [], actions: [ActionSpec],
                then: [ActionSpec]? = nil, onMissed: OnMissed = .fireOnce, enabled: Bool = true, source: String = "") {
        self.id = id; self.trigger = trigger; self.conditions = conditions; self.actions = actions
        self.then = then; self.onMissed = onMissed; self.enabled = enabled; self.source = source
    }
}

/// A ledger dimension that `per:` splits counts by and `where:` filters on.
public enum Dimension: String, Hashable, Sendable, CaseIterable {
    case area, demand, kind
}

/// `where: {area: A, demand: D, kind: K}`: every given field must match.
public struct EntryFilter: Hashable, Sendable {
    public var area: String?
    public var demand: String?
    public var kind: String?
    public init(area: String? = nil, demand: String? = nil, kind: String? = nil) {
        self.area = area; self.demand = demand; self.kind = kind
    }
    public var isEmpty: Bool { area == nil && demand == nil && kind == nil }
    public func matches(_ e: LedgerEntry) -> Bool {
        (area == nil || e.area == area) && (demand == nil || e.demand == demand) && (kind == nil || e.kind == kind)
    }
}

/// What an `every:` trigger counts.
public enum Counted: Hashable, Sendable {
    /// Ledger entries (`every: N`).
    case entries
    /// The running total of a metric's quantity (`every: N, of: METRIC`).
    case metric(String)
    /// Missed deadlines (`every: N, of: silences`).
    case silences
}

/// `above: X` or `below: X`; strict comparisons.
public enum Comparison: Hashable, Sendable, CustomStringConvertible {
    case above(Double)
    case below(Double)
    public func holds(_ v: Double) -> Bool {
        switch self {
        case .above(let x): return v > x
        case .below(let x): return v < x
        }
    }
    public var limit: Double {
        switch self { case .above(let x), .below(let x): return x }
    }
    public var description: String {
        switch self {
        case .above(let x): return "above \(formatNumber(x))"
        case .below(let x): return "below \(formatNumber(x))"
        }
    }
}

/// What a threshold trigger measures.
public enum Measure: Hashable, Sendable {
    /// `sum: METRIC, over: D`: total quantity of entries of that kind in (t - D, t].
    case sum(metric: String, over: TimeSpan)
    /// `count: entries, over: D`: number of entries in (t - D, t].
    case count(over: TimeSpan)
    /// `indicator: NAME`: the latest sample's value.
    case indicator(String)
}

public struct Threshold: Hashable, Sendable {
    public var measure: Measure
    public var comparison: Comparison
    public var per: Dimension?
    public var filter: EntryFilter
    /// `for: D`: the condition must hold continuously for D.
    public var hold: TimeSpan?
    public init(measure: Measure, comparison: Comparison, per: Dimension? = nil, filter: EntryFilter = EntryFilter(), hold: TimeSpan? = nil) {
        self.measure = measure; self.comparison = comparison; self.per = per; self.filter = filter; self.hold = hold
    }
}

public enum WindowEdge: String, Hashable, Sendable { case open, close }
public enum DeadlineEvent: String, Hashable, Sendable { case missed, answered }
public enum WinLevel: String, Hashable, Sendable { case any, partial, full }

/// `when:`: exactly one trigger per rule.
public enum Trigger: Hashable, Sendable {
    case every(n: Int64, of: Counted, filter: EntryFilter, per: Dimension?)
    case threshold(Threshold)
    case window(id: String, edge: WindowEdge, offset: TimeSpan)
    case deadline(DeadlineEvent, demand: String?)
    case schedule(Schedule)
    case win(WinLevel, demand: String?)
}

/// `if:`: all must hold at the firing time.
public enum Condition: Hashable, Sendable {
    case inWindow(String)
    case notInWindow(String)
    case indicator(String, Comparison)
    case entriesAtLeast(Int64)
}

/// A number as people write it: `8`, `2.5`, `3.6` (at most four decimals, no float noise).
public func formatNumber(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e15 else { return String(x) }
    let scaled = (x * 10_000).rounded()
    if scaled.truncatingRemainder(dividingBy: 10_000) == 0 { return String(Int64(scaled / 10_000)) }
    var s = String(Int64(abs(scaled)) % 10_000)
    s = String(repeating: "0", count: 4 - s.count) + s
    while s.hasSuffix("0") { s.removeLast() }
    let whole = Int64(abs(scaled)) / 10_000
    return (scaled < 0 ? "-" : "") + "\(whole).\(s)"
}
