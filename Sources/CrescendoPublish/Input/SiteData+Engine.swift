import CrescendoCore

extension SiteData {
    /// Site data from the ledger's facts, running the engine as `publish` and the daemon do:
    /// once up to `now` (deadline clock, forecasts, past escalations and rituals) and once
    /// over the next `weeksAhead` weeks with no new facts (the calendar). Pure: the caller
    /// reads the store; facts after `now` are left out.
    ///
    /// - Parameters:
    ///   - entries: the ledger as it now reads (corrections applied), in any order.
    ///   - ledgerCount: the hash chain's entry count (corrections included).
    public static func assemble(campaign: Campaign, entries: [LedgerEntry], indicators: [IndicatorSample],
                                responses: [Response], moneyFlows: [MoneyFlow], ledgerCount: Int64, headHash: String,
                                now: Instant, weeksAhead: Int = 8, baseURL: String? = nil) throws -> SiteData {
        let ledger = entries.filter { $0.at <= now }
        let indicators = indicators.filter { $0.at <= now }
        let responses = responses.filter { $0.at <= now }
        let renderer = CampaignTemplates(campaign.templates)
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
        return SiteData(campaign: campaign, entries: ledger, deadlines: present.engine.deadlines, responses: responses,
                        moneyFlows: moneyFlows, status: present.engine.status(at: now), past: present.occurrences,
                        coming: coming, ledgerCount: ledgerCount, headHash: headHash, now: now, baseURL: baseURL)
    }
}
