import ArgumentParser
import CrescendoCore

/// `crescendo status`: where every rule stands now ("why not yet").
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where every rule stands: milestones to go, thresholds, cool-downs, windows, open deadlines.",
        discussion: "Replays the ledger database (or a ledger CSV given with --ledger) through the engine up to now, or up to --at.")

    @OptionGroup var store: StoreOptions
    @Option(help: "A ledger CSV instead of the database.") var ledger: String?
    @Option(help: "Judge as of this instant instead of now (date or date-time).") var at: String?

    func run() async throws {
        try await reportingErrorsAsync {
            let c = try store.requiredCampaign()
            let asOf = try at.map { try parseTime($0, "--at", c) } ?? now()
            var indicators: [IndicatorSample] = []
            var responses: [Response] = []
            let source: () throws -> Simulation.KeyedBatchSource
            if let ledger {
                source = { try openLedger(ledger, campaign: c) }
            } else {
                let db = try store.databaseLocation(create: false)
                (indicators, responses) = try await store.withReadOnlyLedger { (try await $0.indicatorSamples(), try await $0.responses()) }
                source = { try openLedger(db, campaign: c) }
            }
            let result = try Simulation.run(campaign: c, openBatches: source, indicators: indicators, responses: responses,
                                            options: Engine.Options(until: asOf))
            let out = FileHandleOutput.stdout
            out.write(StatusText.render(result.engine.status(at: asOf), zone: c.zone, title: "\(c.title): status at \(c.zone.short(asOf))"))
            out.flush()
        }
    }
}
