import CrescendoCore
import CrescendoPublish
import CrescendoStore

/// One campaign's engine as the daemon drives it: the facts read so far and the ids given.
///
/// It feeds facts in time order exactly as `Simulation.run` does (at an instant: indicator
/// samples, then responses, then entries in seq order), so the daemon and `simulate` decide
/// the same actions.
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
        var merged: [(at: Instant, rank: Int, order: Int, fact: Fact)] = []
        merged.reserveCapacity(facts.entries.count + facts.indicators.count + facts.responses.count)
        for (i, s) in facts.indicators.enumerated() { merged.append((s.at, 0, i, .indicator(s))) }
        for (i, r) in facts.responses.enumerated() { merged.append((r.at, 1, i, .response(r))) }
        for (i, e) in facts.entries.enumerated() { merged.append((e.at, 2, i, .entry(e))) }
        merged.sort { ($0.at, $0.rank, $0.order) < ($1.at, $1.rank, $1.order) }
        for m in merged {
            // `accepts` was checked, so the engine cannot find a fact late.
            try? engine.record(m.fact, into: &out)
            lastFedAt = m.at
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
