import CrescendoCore
import CrescendoInputs
import CrescendoPublish
import CrescendoStore

/// A `SiteState` and how far into a ledger store it has been fed: the chain's head and the
/// last indicator sample and response read. `crescendo publish` reads one whole (`read`);
/// the daemon keeps one and feeds it what was recorded since (`update`), so a new entry costs
/// reading that entry, and a late fact or a correction what came after it, not the ledger.
public struct SiteFeed: Sendable {
    public private(set) var state: SiteState
    /// The head the entries were read to (its count and hash are the ones the pages show).
    public private(set) var head: ChainHead
    /// The last entry seq, indicator sample id and response id read.
    public private(set) var cursor: FactCursor
    /// The ledger's corrections through `head`, in seq order, once a replay needed them: read
    /// once (on SQLite a scan of the table), then kept up from the entries each update reads.
    private var corrections: [StoredEntry]?

    /// Reads the ledger as it now reads (corrections applied), with its indicator samples and
    /// responses, up to `asOf`, streaming: the entries are counted and fed to the engine one by
    /// one, never held. The head is read first and entries appended after it are left out, so
    /// the count and hash shown always describe the entries the pages are built from.
    ///
    /// Entries come in seq order; one dated before an entry ahead of it (a backfill) cannot go
    /// to the engine in time order on that pass, so such entries are kept aside and a second
    /// pass feeds every entry in time order (ties in seq order), as `simulate` sorts them.
    ///
    /// `live`: a state the caller will `update` (the daemon's): facts stamped after `asOf` are
    /// kept until then instead of dropped.
    public static func read(from store: any LedgerStore, campaign: Campaign, asOf: Instant, live: Bool = false) async throws -> SiteFeed {
        let head = try await store.head()
        let side = try await store.facts(after: FactCursor(entrySeq: head.seq))
        let cursor = FactCursor(entrySeq: head.seq, indicatorID: side.cursor.indicatorID, responseID: side.cursor.responseID)
        let fresh = { () -> SiteState in
            var s = SiteState(campaign: campaign, asOf: asOf, live: live)
            _ = s.hold(indicators: FactOrder.byTime(side.indicators, at: \.at), responses: FactOrder.byTime(side.responses, at: \.at))
            return s
        }
        var state = fresh()
        var aside: [LedgerEntry] = []
        try forEachCurrentEntry(in: store) { e in
            if e.seq <= head.seq, !state.record(e) { aside.append(e) }
        }
        if !aside.isEmpty {
            aside = aside.sorted { ($0.at, $0.seq) < ($1.at, $1.seq) }
            let skipped = Set(aside.map(\.seq))
            var next = 0
            state = fresh()
            try forEachCurrentEntry(in: store) { e in
                guard e.seq <= head.seq, !skipped.contains(e.seq) else { return }
                while next < aside.count, (aside[next].at, aside[next].seq) < (e.at, e.seq) { _ = state.record(aside[next]); next += 1 }
                _ = state.record(e)
            }
            for e in aside[next...] { _ = state.record(e) }
        }
        state.release()
        return SiteFeed(state: state, head: head, cursor: cursor)
    }

    /// The store's current entries, read on a thread of their own a batch ahead
    /// (`PrefetchingEntrySource`, as `simulate` reads a ledger), so that decoding rows overlaps
    /// the state's work: at a start the site's first read is what the first page waits for.
    private static func forEachCurrentEntry(in store: any LedgerStore, _ body: (LedgerEntry) -> Void) throws {
        let source = PrefetchingEntrySource<LedgerEntry>(producing: { emit in try await store.forEachCurrentEntry(emit) })
        while let batch = try source.nextBatch() {
            for e in batch { body(e) }
        }
    }

    /// Feeds the state what the store recorded since, taking facts up to `asOf` (not before the
    /// last `asOf`). A late fact (an entry, indicator sample or response dated before one
    /// already fed) or a correction sends the state back to its checkpoint before it, and the
    /// facts dated from there are fed again as the ledger now reads: the cost is in proportion
    /// to what came after the fact, not to the ledger. False when that cannot be done (no
    /// checkpoint that early, a state that was not read `live`): then `read` a new one.
    public mutating func update(from store: any LedgerStore, asOf: Instant) async throws -> Bool {
        guard state.move(to: asOf) else { return false }
        let head = try await store.head()
        let side = try await store.facts(after: FactCursor(entrySeq: head.seq, indicatorID: cursor.indicatorID,
                                                           responseID: cursor.responseID))
        var stored: [StoredEntry] = []
        try await store.forEachEntry(after: cursor.entrySeq) { if $0.seq <= head.seq { stored.append($0) } }
        let next = FactCursor(entrySeq: head.seq, indicatorID: side.cursor.indicatorID, responseID: side.cursor.responseID)
        var state = self.state
        let new = stored.filter { $0.corrects != nil }
        var known = corrections.map { $0 + new }
        var late = state.lateFrom(entries: stored.filter { $0.corrects == nil }.map(\.entry), indicators: side.indicators,
                                  responses: side.responses)
        if !new.isEmpty {
            let all = try await Self.corrections(known, in: store, through: head.seq)
            known = all
            if let at = try await recount(&state, corrections: all, store: store) { late = min(late ?? at, at) }
        }
        if let late {
            guard let from = state.rewind(before: late) else { return false }
            let replay = try await store.facts(from: from, through: FactCursor(entrySeq: 0, indicatorID: next.indicatorID,
                                                                                responseID: next.responseID))
            guard state.hold(indicators: replay.indicators, responses: replay.responses) else { return false }
            let fed = cursor.entrySeq
            let all = try await Self.corrections(known, in: store, through: head.seq)
            known = all
            var fits = true
            try await store.forEachCurrentEntry(from: from, through: head.seq, corrections: all) { e in
                if fits { fits = state.record(e, counted: e.seq <= fed) }
            }
            guard fits else { return false }
        } else {
            guard state.hold(indicators: side.indicators, responses: side.responses) else { return false }
            // Corrections (of corrections: the others are late) change nothing the state holds.
            for e in stored where e.corrects == nil && !state.record(e.entry) { return false }
        }
        state.release()
        self.state = state
        self.head = head
        cursor = next
        corrections = known
        return true
    }

    /// The corrections through `seq`: `known`, or read when not known yet.
    private static func corrections(_ known: [StoredEntry]?, in store: any LedgerStore, through seq: Int64) async throws -> [StoredEntry] {
        if let known { return known }
        return try await store.corrections(through: seq)
    }

    /// Takes the corrections recorded since the cursor (the last of `corrections`, the ledger's
    /// through the new head) into `state`'s tally (each corrected entry's values as it read
    /// before out, as it reads now in) and returns the earliest of those instants, from which
    /// the engine must replay.
    private func recount(_ state: inout SiteState, corrections all: [StoredEntry], store: any LedgerStore) async throws -> Instant? {
        let fed = cursor.entrySeq
        let (before, now) = (all.filter { $0.seq <= fed }.currentValues(), all.currentValues())
        var earliest: Instant?
        // The entries corrected since (not corrections of corrections, which change nothing).
        let targets = Set(all.filter { $0.seq > fed }.compactMap(\.corrects)).subtracting(all.map(\.seq))
        for target in targets.sorted() {
            guard let new = now[target] else { continue }
            var at = new.at
            if target <= fed {
                var old = before[target]
                if old == nil { old = try await store.entry(seq: target)?.entry }
                guard let old else { continue }
                state.recount(old: old, new: new)
                at = min(at, old.at)
            }
            earliest = min(earliest ?? at, at)
        }
        return earliest
    }

    /// The site's input at the state's `asOf`.
    public func data(moneyFlows: [MoneyFlow], weeksAhead: Int = 8, baseURL: String? = nil) -> SiteData {
        state.data(now: state.asOf, moneyFlows: moneyFlows, ledgerCount: head.count, headHash: head.hash,
                   weeksAhead: weeksAhead, baseURL: baseURL)
    }
}
