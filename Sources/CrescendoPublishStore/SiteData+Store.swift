import CrescendoCore
import CrescendoPublish
import CrescendoStore

extension SiteData {
    /// The public site's input read from a ledger store, as `crescendo publish` and the daemon
    /// both read it (`SiteFeed`): entries as they now read (corrections applied) up to `now`,
    /// indicator samples, responses, money flows, and the chain's count and head hash.
    public static func read(from store: any LedgerStore, campaign: Campaign, now: Instant, weeksAhead: Int = 8,
                            baseURL: String? = nil) async throws -> SiteData {
        let feed = try await SiteFeed.read(from: store, campaign: campaign, asOf: now)
        return feed.data(moneyFlows: try await store.moneyFlows(), weeksAhead: weeksAhead, baseURL: baseURL)
    }
}
