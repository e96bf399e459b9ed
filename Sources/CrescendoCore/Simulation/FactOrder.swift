/// The one order in which facts are fed to the engine, for `simulate`, rule tests, the
/// daemon and the response check alike: by time; at one instant indicator samples, then
/// responses, then ledger entries; within each kind in the order given (entries in seq order).
///
/// Indicators and responses are few and held here, merged once; entries are many and stream
/// past: before each entry, `feed(before:_:)` hands over every held fact at or before its
/// instant, and `feedRest` the ones after the last entry.
public struct FactOrder: Sendable {
    /// Indicators and responses in feeding order.
    public let sideFacts: [Fact]
    private var next = 0

    public init(indicators: [IndicatorSample], responses: [Response]) {
        let facts = indicators.map { Fact.indicator($0) } + responses.map { Fact.response($0) }
        sideFacts = Self.byTime(facts, at: \.at)
    }

    /// Side facts already in feeding order (a part of another `FactOrder`'s `sideFacts`).
    init<S: Sequence<Fact>>(ordered facts: S) {
        sideFacts = Array(facts)
    }

    /// Hands over, in order, every held fact due at or before `at`: call it before an entry at `at`.
    public mutating func feed(before at: Instant, _ body: (Fact) throws -> Void) rethrows {
        while hasFact(before: at) { try body(take()) }
    }

    /// Whether a held fact is due at or before `at` (the loop form of `feed(before:)`, for the
    /// engine's hot path: `while order.hasFact(before: t) { record(order.take()) }`).
    @inline(__always)
    public func hasFact(before at: Instant) -> Bool { next < sideFacts.count && sideFacts[next].at <= at }

    /// The next held fact; call only after `hasFact(before:)` said there is one.
    @inline(__always)
    public mutating func take() -> Fact {
        next += 1
        return sideFacts[next - 1]
    }

    /// Hands over every held fact not handed over yet.
    public mutating func feedRest(_ body: (Fact) throws -> Void) rethrows {
        while next < sideFacts.count {
            next += 1
            try body(sideFacts[next - 1])
        }
    }

    /// Items stably sorted by time: ties keep the order given. Items already in that order
    /// (the usual case: a ledger read in seq order without backfills) are returned as they
    /// are, without a copy; otherwise the sort moves indices, and the items are copied once.
    public static func byTime<T>(_ items: [T], at: (T) -> Instant) -> [T] {
        var sorted = true
        for i in items.indices.dropFirst() where at(items[i]) < at(items[i - 1]) {
            sorted = false
            break
        }
        if sorted { return items }
        let order = items.indices.sorted {
            let (a, b) = (at(items[$0]), at(items[$1]))
            return a != b ? a < b : $0 < $1
        }
        return order.map { items[$0] }
    }

    /// Hands every fact to `body` in feeding order (entries stably sorted by time first),
    /// without building the array `ordered` returns: at a million entries that array and its
    /// sorted copies were the daemon's peak memory at start.
    public static func forEach(entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response],
                               _ body: (Fact) throws -> Void) rethrows {
        var order = FactOrder(indicators: indicators, responses: responses)
        for e in byTime(entries, at: \.at) {
            try order.feed(before: e.at, body)
            try body(.entry(e))
        }
        try order.feedRest(body)
    }

    /// Every fact in feeding order (entries stably sorted by time first).
    public static func ordered(entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response]) -> [Fact] {
        var out: [Fact] = []
        out.reserveCapacity(entries.count + indicators.count + responses.count)
        forEach(entries: entries, indicators: indicators, responses: responses) { out.append($0) }
        return out
    }
}
