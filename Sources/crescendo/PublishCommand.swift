import ArgumentParser
import CrescendoCore
import CrescendoPublish
import CrescendoPublishStore
import CrescendoRender
import Foundation

/// `crescendo publish`: write the public site (pages, charts, calendar, open data) from the
/// ledger database.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the public site: the ledger page, stories, weekly reports, money flows, calendar, charts, open data, cards, guides and posters.",
        discussion: """
            Replays the ledger database through the engine up to now (or --at) for the deadline clock and the
            forecasts, and over the coming weeks for the calendar. Counts below the campaign's privacy.min_count
            read "fewer than N", free text is redacted again, and only declared areas appear.
            With the pages come the communications kit: a share card (SVG and PNG, rendered by rsvg-convert) for
            every story, missed deadline and week, the campaign's guides, and a printable poster of every week
            with a QR code (qrencode) to brand.url. The same database and --at give byte-identical files; the
            files are written into a new folder beside --out, which then takes its place.
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
            let read = try await store.withReadOnlyLedger {
                try await SiteData.read(from: $0, campaign: c, now: asOf, weeksAhead: weeksAhead, baseURL: baseURL)
            }
            let data = try await QREncoder().attach(to: read)
            let folder = URL(fileURLWithPath: out)
            let files = try await SiteRenderer().files(Site(data), reusing: folder)
            let written = try SiteWriter(folder: folder).write(files)
            print("wrote \(written) files to \(out) (\(data.ledger.count) entries, as of \(c.zone.short(asOf)))")
        }
    }
}
