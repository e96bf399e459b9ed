import CrescendoCore
import CrescendoPublish
import CrescendoStore
import Foundation

/// One campaign's engine as the daemon drives it: the facts read so far, the ids given, and
/// checkpoints of the engine to replay late facts from.
///
/// It feeds facts in `FactOrder`, as `Simulation.run` does (at an instant: indicator samples,
/// then responses, then entries in seq order), so the daemon and `simulate` decide the same
/// actions. On the way it keeps `EngineCheckpoints` at the end of each UTC day, with the
/// action numbering and the last fact's instant, so that a fact older than what the engine has
/// judged is handled by `rewind(before:)` to the last checkpoint before it and a replay of the
/// facts dated after that checkpoint, not of the whole ledger.
struct CampaignRuntime {
    /// What a checkpoint holds besides the engine, to continue exactly as the runtime would.
    struct Resume {
        var ids: OccurrenceIDs
        var lastFedAt: Instant
    }

    let loaded: LoadedCampaign
    private(set) var engine: Engine
    /// How far the store's facts have been read.
    private(set) var cursor = FactCursor()
    /// The latest fact instant fed; an older fact needs a rewind.
    private var lastFedAt = Instant.distantPast
    private var ids = OccurrenceIDs()
    private(set) var checkpoints: EngineCheckpoints<Resume>
    /// The timers last persisted, to write the snapshot only when it changed.
    var persistedTimers: [PendingTimer]?

    /// The checkpoint policy: the defaults, or at most `CRESCENDO_CHECKPOINTS` checkpoints
    /// (0: none, every late fact replays the ledger; for measuring what they cost).
    static let policy: EngineCheckpoints<Resume>.Policy = {
        var p = EngineCheckpoints<Resume>.Policy()
        if let text = ProcessInfo.processInfo.environment["CRESCENDO_CHECKPOINTS"], let n = Int(text), n >= 0 { p.limit = n }
        return p
    }()

    init(_ loaded: LoadedCampaign, policy: EngineCheckpoints<Resume>.Policy = CampaignRuntime.policy) {
        self.loaded = loaded
        engine = Engine(campaign: loaded.campaign, options: Engine.Options(renderer: CampaignTemplates(loaded.campaign.templates)))
        checkpoints = EngineCheckpoints(policy: policy)
    }

    var campaignID: String { loaded.campaign.id }

    /// The instant of the earliest of `facts` when it is too old to be fed to the running
    /// engine (at or before what it has judged, or before the last fact fed); nil when they
    /// can all be fed.
    func lateFrom(_ facts: NewFacts) -> Instant? {
        let earliest = [facts.entries.map(\.at).min(), facts.indicators.map(\.at).min(), facts.responses.map(\.at).min()]
            .compactMap { $0 }.min()
        guard let earliest, earliest <= engine.processedThrough || earliest < lastFedAt else { return nil }
        return earliest
    }

    /// Goes back to the latest checkpoint before `t` (a new engine when there is none) and
    /// forgets the checkpoints after it, which lack the fact at `t`. Returns the instant from
    /// which the facts must be fed again (`LedgerStore.facts(from:through:)`), with the cursor
    /// kept: every fact dated up to the checkpoint that the cursor has read is in it.
    mutating func rewind(before t: Instant) -> Instant {
        guard let c = checkpoints.rewind(before: t) else {
            let policy = checkpoints.policy
            self = CampaignRuntime(loaded, policy: policy)
            return .distantPast
        }
        engine = c.engine
        ids = c.extra.ids
        lastFedAt = c.extra.lastFedAt
        return c.replayFrom
    }

    /// Feeds facts in time order (none may be late: see `lateFrom`), keeping checkpoints as
    /// days go by, judges through `t`, and gives each action decided its stable id, in the
    /// order decided. The cursor moves to the facts' cursor.
    mutating func run(_ facts: NewFacts, through t: Instant) -> [(id: String, occurrence: Occurrence)] {
        var out: [Occurrence] = []
        var identified: [(id: String, occurrence: Occurrence)] = []
        // Streamed: at a start the facts are the whole ledger, and an array of them in
        // feeding order would be a second (and, sorted, a third) copy of it.
        FactOrder.forEach(entries: facts.entries, indicators: facts.indicators, responses: facts.responses) { fact in
            checkpoint(before: fact.at, &out, &identified)
            // The facts are not late, so the engine cannot find one late.
            try? engine.record(fact, into: &out)
            lastFedAt = fact.at
        }
        cursor = facts.cursor
        checkpoint(before: t, &out, &identified)
        engine.advance(through: t, into: &out)
        identified += identify(out)
        return identified
    }

    /// Keeps a checkpoint at the end of the day before `t` when one is due: judges through it,
    /// numbers the actions decided so far, and keeps the engine with the numbering.
    private mutating func checkpoint(before t: Instant, _ out: inout [Occurrence], _ identified: inout [(id: String, occurrence: Occurrence)]) {
        guard let b = checkpoints.advance(&engine, toCheckpointBefore: t, into: &out) else { return }
        identified += identify(out)
        out.removeAll(keepingCapacity: true)
        checkpoints.keep(engine, at: b, extra: Resume(ids: ids, lastFedAt: lastFedAt))
    }

    /// Gives each action its stable id, in the order decided.
    private mutating func identify(_ occurrences: [Occurrence]) -> [(id: String, occurrence: Occurrence)] {
        occurrences.map { ("\(campaignID)/" + ids.id(for: $0), $0) }
    }
}
