import ArgumentParser
import CrescendoCore
import CrescendoPublish
import CrescendoPublishStore
import Foundation

/// `crescendo publish`: write the public site (pages, charts, calendar, open data) from the
/// ledger database.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the public site: the ledger page, stories, weekly reports, money flows, calendar, charts and open data.",
        discussion: """
            Replays the ledger database through the engine up to now (or --at) for the deadline clock and the
            forecasts, and over the coming weeks for the calendar. Counts below the campaign's privacy.min_count
            read "fewer than N", free text is redacted again, and only declared areas appear.
            The same database and --at give byte-identical files.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The folder to write the site into (created if missing).") var out: String
    @Option(help: "Publish as of this instant instead of now (date or date-time).") var at: String?
    @Option(help: "How many weeks ahead the calendar looks.") var weeksAhead: Int = 8
    @Option(help: "Where the site will be served (https://...); makes the feed's links absolute.") var baseURL: String?

    func run() async throws {
        try await reportingErrorsAsync {
            let c = try store.requiredCampaign()
            let asOf = try at.map { try parseTime($0, "--at", c) } ?? now()
            let data = try await store.withReadOnlyLedger {
                try await SiteData.read(from: $0, campaign: c, now: asOf, weeksAhead: weeksAhead, baseURL: baseURL)
            }
            let files = Site(data).build()
            let written = try SiteWriter(folder: URL(fileURLWithPath: out)).write(files)
            print("wrote \(written) files to \(out) (\(data.entries.count) entries, as of \(c.zone.short(asOf)))")
        }
    }
}
