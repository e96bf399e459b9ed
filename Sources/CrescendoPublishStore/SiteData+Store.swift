import CrescendoCore
import CrescendoPublish
import CrescendoStore

extension SiteData {
    /// The public site's input read from a ledger store, as `crescendo publish` and the daemon
    /// both read it: entries as they now read (corrections applied) up to `now`, indicator
    /// samples, responses, money flows, and the chain's count and head hash; `assemble` then
    /// runs the engine.
    ///
    /// The head is read first and entries appended after it are left out, so the count and
    /// hash shown always describe the entries the pages are built from.
    public static func read(from store: any LedgerStore, campaign: Campaign, now: Instant, weeksAhead: Int = 8,
                            baseURL: String? = nil) async throws -> SiteData {
        let head = try await store.head()
        var entries: [LedgerEntry] = []
        try await store.forEachCurrentEntry { if $0.at <= now && $0.seq <= head.seq { entries.append($0) } }
        return try SiteData.assemble(campaign: campaign, entries: entries, indicators: try await store.indicatorSamples(),
                                     responses: try await store.responses(), moneyFlows: try await store.moneyFlows(),
                                     ledgerCount: head.count, headHash: head.hash, now: now, weeksAhead: weeksAhead,
                                     baseURL: baseURL)
    }
}
