import CrescendoCore

/// The public site's state kept fact by fact: the entries' tally (`SiteTally`), and an
/// engine fed the same facts in `FactOrder`, with the actions it decided so far. `crescendo
/// publish` builds one from the whole ledger and the daemon keeps one up to date as facts
/// arrive; both make their `SiteData` from it with `data(now:...)`, so their pages are the
/// same bytes for the same ledger and instant.
///
/// Facts after `asOf` wait (they are not on the pages) until `move(to:)` takes them. A fact
/// that would go before one already recorded (a backfill, a late response or indicator
/// sample, a correction of an earlier entry) is refused by `record` and `hold`; the caller
/// finds it with `lateFrom`, goes back to the engine's checkpoint before it with
/// `rewind(before:)` and feeds the facts dated from there again (`SiteFeed.update`), or,
/// with no checkpoint that early, builds a new state from the ledger.
///
/// Checkpoints (`EngineCheckpoints`, taken as the daemon's scheduler takes them: at the end
/// of the UTC day before a fact into a later day) hold the engine and how many occurrences,
/// indicator samples and responses were recorded by then, with the last fact's place; the
/// tally needs none, since it does not depend on the order entries come in.
public struct SiteState: @unchecked Sendable {
    /// What a checkpoint holds besides the engine, to continue exactly as the state would.
    struct Resume {
        var occurrences: Int, indicators: Int, responses: Int
        var last: (at: Instant, rank: Int)
    }

    // @unchecked: `Engine` is a value of arrays, dictionaries and Sendable values (it copies
    // on write, see `FactFeed`) that does not declare Sendable; the state is only moved.
    public let campaign: Campaign
    public private(set) var tally: SiteTally
    private var engine: Engine
    private var occurrences: [Occurrence] = []
    /// The indicator samples and responses recorded so far.
    public private(set) var indicators: [IndicatorSample] = []
    public private(set) var responses: [Response] = []
    /// The side facts held until the entries after them are recorded.
    private var held = FactOrder(indicators: [], responses: [])
    /// The place of the last fact recorded in `FactOrder`: its instant and kind.
    private var last: (at: Instant, rank: Int) = (.distantPast, -1)
    /// The newest instant whose facts are taken.
    public private(set) var asOf: Instant
    /// Facts recorded after `asOf` (stamped a moment after the instant read), in the order
    /// given, until `move(to:)` reaches them.
    private var laterEntries: [LedgerEntry] = []
    private var laterIndicators: [IndicatorSample] = []
    private var laterResponses: [Response] = []
    /// Whether facts after `asOf` wait (a state kept live) or are dropped (a state for one instant).
    private let keepsLater: Bool
    /// Whether a fact after `asOf` was dropped (then the state cannot move on).
    private var dropped = false
    /// The engine at the end of past days, to replay late facts from.
    private var checkpoints = EngineCheckpoints<Resume>()

    /// The instants of the checkpoints kept, oldest first.
    public var checkpointInstants: [Instant] { checkpoints.all.map(\.at) }

    /// An empty state for facts up to `asOf`; `live`: facts after it wait for `move(to:)`
    /// instead of being dropped.
    public init(campaign: Campaign, asOf: Instant, live: Bool = false) {
        self.campaign = campaign
        keepsLater = live
        self.asOf = asOf
        tally = SiteTally(campaign: campaign)
        engine = Engine(campaign: campaign, options: Engine.Options(renderer: CampaignTemplates(campaign.templates)))
    }

    /// Takes facts up to a later instant from now on, recording the waiting ones due by then;
    /// false when `t` is earlier than `asOf` or facts after `asOf` were dropped (a new state
    /// must be built).
    public mutating func move(to t: Instant) -> Bool {
        guard t >= asOf, !dropped else { return false }
        asOf = t
        let (indicators, responses, entries) = (laterIndicators, laterResponses, laterEntries)
        (laterIndicators, laterResponses, laterEntries) = ([], [], [])
        guard hold(indicators: indicators, responses: responses) else { return false }
        let (due, wait) = (entries.filter { $0.at <= t }, entries.filter { $0.at > t })
        laterEntries = wait
        for e in FactOrder.byTime(due, at: \.at) where !record(e) { return false }
        return true
    }

    /// Holds indicator samples and responses (each in the order recorded) to be recorded in
    /// `FactOrder` with the entries that follow (those held before are recorded first); false
    /// when one goes before a fact recorded.
    public mutating func hold(indicators: [IndicatorSample], responses: [Response]) -> Bool {
        release()
        let due = (indicators.filter { $0.at <= asOf }, responses.filter { $0.at <= asOf })
        laterIndicators += indicators.filter { keepsLater && $0.at > asOf }
        laterResponses += responses.filter { keepsLater && $0.at > asOf }
        if !keepsLater, due.0.count + due.1.count < indicators.count + responses.count { dropped = true }
        for t in due.0.map(\.at) where (t, 0) < last { return false }
        for t in due.1.map(\.at) where (t, 1) < last { return false }
        held = FactOrder(indicators: due.0, responses: due.1)
        return true
    }

    /// Records an entry as the ledger now reads it (with the held side facts due before it);
    /// false, and nothing recorded, when it goes before a fact already recorded. `counted`: the
    /// tally has it already (a replay after `rewind(before:)` feeds the engine only); an entry
    /// after `asOf` waits, and is counted when `move(to:)` records it.
    public mutating func record(_ e: LedgerEntry, counted: Bool = false) -> Bool {
        guard e.at <= asOf else {
            if keepsLater { laterEntries.append(e) } else { dropped = true }
            return true
        }
        guard (e.at, 2) >= last else { return false }
        while held.hasFact(before: e.at) { recordSide(held.take()) }
        checkpoint(before: e.at)
        do { try engine.record(entry: e, into: &occurrences) } catch { return false }
        last = (e.at, 2)
        if !counted { tally.add(e) }
        return true
    }

    /// The earliest instant of `facts` that goes before a fact already recorded (a backfill, a
    /// late response or indicator sample); nil when they can all be fed as they come.
    public func lateFrom(entries: [LedgerEntry], indicators: [IndicatorSample], responses: [Response]) -> Instant? {
        let late = entries.map(\.at).filter { ($0, 2) < last } + indicators.map(\.at).filter { ($0, 0) < last }
            + responses.map(\.at).filter { ($0, 1) < last }
        return late.min()
    }

    /// Goes back to the latest checkpoint before `t` for a late fact at `t`: the engine, the
    /// occurrences, indicator samples and responses as they were then, nothing waiting; the
    /// checkpoints after it (which lack the fact) are forgotten. Returns the instant from
    /// which every fact must be fed again (`record(_:counted:)` for the entries counted
    /// already), or nil, and nothing changed, when no checkpoint is that early.
    public mutating func rewind(before t: Instant) -> Instant? {
        guard let c = checkpoints.rewind(before: t) else { return nil }
        engine = c.engine
        occurrences.removeSubrange(c.extra.occurrences...)
        indicators.removeSubrange(c.extra.indicators...)
        responses.removeSubrange(c.extra.responses...)
        last = c.extra.last
        held = FactOrder(indicators: [], responses: [])
        (laterEntries, laterIndicators, laterResponses) = ([], [], [])
        return c.replayFrom
    }

    /// Takes a correction into the tally: the entry's values as it read before out (when they
    /// were counted: not after `asOf`) and its new values in (when not after `asOf`; later,
    /// `move(to:)` counts them). The engine learns of it from a replay.
    public mutating func recount(old: LedgerEntry, new: LedgerEntry) {
        if old.at <= asOf { tally.remove(old) }
        if new.at <= asOf { tally.add(new) }
    }

    /// Records the held side facts left.
    public mutating func release() {
        while held.hasFact(before: asOf) { recordSide(held.take()) }
    }

    private mutating func recordSide(_ f: Fact) {
        checkpoint(before: f.at)
        // Held facts are never before `last` (`hold` checks), so the engine finds none late.
        try? engine.record(f, into: &occurrences)
        last = (f.at, { if case .indicator = f { return 0 } else { return 1 } }())
        switch f {
        case .indicator(let s): indicators.append(s)
        case .response(let r): responses.append(r)
        default: break
        }
    }

    /// Keeps a checkpoint at the end of the day before a fact at `t` when one is due.
    private mutating func checkpoint(before t: Instant) {
        guard let b = checkpoints.advance(&engine, toCheckpointBefore: t, into: &occurrences) else { return }
        checkpoints.keep(engine, at: b, extra: Resume(occurrences: occurrences.count, indicators: indicators.count,
                                                      responses: responses.count, last: last))
    }

    /// The site's input at `now` (not before `asOf`): the engine judged through `now` on a
    /// copy (deadline clock, forecasts, past actions), and that copy run on over the next
    /// `weeksAhead` weeks with no new facts (the calendar).
    public func data(now: Instant, moneyFlows: [MoneyFlow], ledgerCount: Int64, headHash: String, weeksAhead: Int = 8,
                     baseURL: String? = nil) -> SiteData {
        var state = self
        state.release()
        var present = state.engine, past = state.occurrences
        present.advance(through: now, into: &past)
        var horizon = now + TimeSpan.days(Int64(max(0, weeksAhead) * 7))
        if let end = campaign.end { horizon = min(horizon, end) }
        var coming: [Occurrence] = []
        if horizon > now {
            var future = present
            future.advance(through: horizon, into: &coming)
            coming = coming.filter { $0.at > now }
        }
        return SiteData(campaign: campaign, ledger: state.tally, deadlines: present.deadlines, responses: state.responses,
                        moneyFlows: moneyFlows, status: present.status(at: now), past: past, coming: coming,
                        ledgerCount: ledgerCount, headHash: headHash, now: now, baseURL: baseURL)
    }
}
