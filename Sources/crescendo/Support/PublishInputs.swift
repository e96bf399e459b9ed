import CrescendoCore
import CrescendoPublish
import CrescendoStore

/// Reads the store and runs the engine for `publish`: once up to `now` (status, past
/// actions, deadlines) and once over the coming weeks with no new facts (the calendar).
struct PublishInputs {
    var campaign: Campaign
    var database: String
    var now: Instant
    var weeksAhead: Int

    func siteData() throws -> SiteData {
        let store = try SQLiteLedgerStore(path: database, access: .readOnly)
        var entries: [LedgerEntry] = []
        try store.forEachCurrentEntry { if $0.at <= now { entries.append($0) } }
        let indicators = try store.indicatorSamples().filter { $0.at <= now }
        let responses = try store.responses().filter { $0.at <= now }
        let head = try store.head()
        let renderer = CampaignTemplates(campaign.templates)
        let ledger = entries
        let open: () throws -> Simulation.EntrySource = {
            var iterator = ledger.makeIterator()
            return { iterator.next() }
        }
        let present = try Simulation.run(campaign: campaign, openLedger: open, indicators: indicators, responses: responses,
                                         options: Engine.Options(until: now, renderer: renderer))
        var horizon = now + TimeSpan.days(Int64(max(0, weeksAhead) * 7))
        if let end = campaign.end { horizon = min(horizon, end) }
        var coming: [Occurrence] = []
        if horizon > now {
            let future = try Simulation.run(campaign: campaign, openLedger: open, indicators: indicators, responses: responses,
                                            options: Engine.Options(until: horizon, renderer: renderer))
            coming = future.occurrences.filter { $0.at > now }
        }
        return SiteData(campaign: campaign, entries: entries, deadlines: present.engine.deadlines, responses: responses,
                        moneyFlows: try store.moneyFlows(), status: present.engine.status(at: now), past: present.occurrences,
                        coming: coming, ledgerCount: head.count, headHash: head.hash, now: now)
    }
}
