import CrescendoCore

extension SiteData {
    /// Site data from the ledger's facts, as `publish` and the daemon make it (through a
    /// `SiteState`): the engine run once up to `now` (deadline clock, forecasts, past
    /// escalations and rituals) and a copy of it over the next `weeksAhead` weeks with no new
    /// facts (the calendar). Pure: the caller reads the store; facts after `now` are left out.
    ///
    /// - Parameters:
    ///   - entries: the ledger as it now reads (corrections applied), in any order.
    ///   - ledgerCount: the hash chain's entry count (corrections included).
    public static func assemble(campaign: Campaign, entries: [LedgerEntry], indicators: [IndicatorSample],
                                responses: [Response], moneyFlows: [MoneyFlow], ledgerCount: Int64, headHash: String,
                                now: Instant, weeksAhead: Int = 8, baseURL: String? = nil) throws -> SiteData {
        var state = SiteState(campaign: campaign, asOf: now)
        _ = state.hold(indicators: FactOrder.byTime(indicators, at: \.at), responses: FactOrder.byTime(responses, at: \.at))
        for e in FactOrder.byTime(entries.sorted { $0.seq < $1.seq }, at: \.at) { _ = state.record(e) }
        return state.data(now: now, moneyFlows: moneyFlows, ledgerCount: ledgerCount, headHash: headHash,
                          weeksAhead: weeksAhead, baseURL: baseURL)
    }
}
