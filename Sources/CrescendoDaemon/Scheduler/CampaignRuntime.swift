import CrescendoCore
import CrescendoPublish
import CrescendoStore

/// One campaign's engine as the daemon drives it: the facts read so far and the ids given.
///
/// It feeds facts in `FactOrder`, as `Simulation.run` does (at an instant: indicator samples,
/// then responses, then entries in seq order), so the daemon and `simulate` decide the same
/// actions.
struct CampaignRuntime {
    let loaded: LoadedCampaign
    private(set) var engine: Engine
    /// How far the store's facts have been read.
    private(set) var cursor = FactCursor()
    /// The latest fact instant fed; an older fact needs a rebuild.
    private var lastFedAt = Instant.distantPast
    private var ids = OccurrenceIDs()
    /// The timers last persisted, to write the snapshot only when it changed.
    var persistedTimers: [PendingTimer]?

    init(_ loaded: LoadedCampaign) {
        self.loaded = loaded
        engine = Engine(campaign: loaded.campaign, options: Engine.Options(renderer: CampaignTemplates(loaded.campaign.templates)))
    }

    var campaignID: String { loaded.campaign.id }

    /// Whether these facts can be fed to the running engine (none is older than what it has).
    func accepts(_ facts: NewFacts) -> Bool {
        let earliest = [facts.entries.map(\.at).min(), facts.indicators.map(\.at).min(), facts.responses.map(\.at).min()]
            .compactMap { $0 }.min()
        guard let earliest else { return true }
        return earliest > engine.processedThrough && earliest >= lastFedAt
    }

    /// Feeds facts in time order; call `accepts` first. Returns actions decided on the way.
    mutating func feed(_ facts: NewFacts) -> [Occurrence] {
        var out: [Occurrence] = []
        for fact in FactOrder.ordered(entries: facts.entries, indicators: facts.indicators, responses: facts.responses) {
            // `accepts` was checked, so the engine cannot find a fact late.
            try? engine.record(fact, into: &out)
            lastFedAt = fact.at
        }
        cursor = facts.cursor
        return out
    }

    /// Judges through `t`; returns the actions decided.
    mutating func advance(through t: Instant) -> [Occurrence] {
        var out: [Occurrence] = []
        engine.advance(through: t, into: &out)
        return out
    }

    /// Gives each action its stable id, in the order decided.
    mutating func identify(_ occurrences: [Occurrence]) -> [(id: String, occurrence: Occurrence)] {
        occurrences.map { ("\(campaignID)/" + ids.id(for: $0), $0) }
    }
}
