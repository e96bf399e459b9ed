import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo ledger stats --weekly`: counts per ISO week, kind and area.
struct LedgerStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts per ISO week, kind and area; counts below privacy.min_count show as \"fewer than N\".")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Per ISO week (in the campaign's zone).") var weekly = false

    func run() async throws {
        try await reportingErrorsAsync {
            guard weekly else { throw ValidationError("choose a period: --weekly") }
            let campaign = try store.loadCampaign()
            let minCount = campaign?.privacy.minCount ?? Privacy().minCount
            var tally = WeeklyTally(zone: campaign?.zone ?? .utc)
            try await store.withReadOnlyLedger { try await $0.forEachCurrentEntry { tally.add($0) } }
            var rows = [["week", "kind", "area", "entries", "total"]]
            for r in tally.rows(minCount: minCount) {
                rows.append([r.week, r.kind, r.area ?? "-",
                             r.suppressed ? "fewer than \(minCount)" : String(r.entries),
                             r.suppressed ? "-" : r.total.description])
            }
            print(TextTable.render(rows), terminator: "")
        }
    }
}
