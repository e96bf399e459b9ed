import CrescendoCore
import CrescendoPublish
import CrescendoStore

/// Reads what `publish` needs from the ledger database; `SiteData.assemble` runs the engine.
struct PublishInputs {
    var campaign: Campaign
    var database: String
    var now: Instant
    var weeksAhead: Int
    var baseURL: String?

    func siteData() throws -> SiteData {
        let store = try SQLiteLedgerStore(path: database, access: .readOnly)
        var entries: [LedgerEntry] = []
        try store.forEachCurrentEntry { if $0.at <= now { entries.append($0) } }
        let head = try store.head()
        return try SiteData.assemble(campaign: campaign, entries: entries, indicators: try store.indicatorSamples(),
                                     responses: try store.responses(), moneyFlows: try store.moneyFlows(),
                                     ledgerCount: head.count, headHash: head.hash, now: now, weeksAhead: weeksAhead, baseURL: baseURL)
    }
}
