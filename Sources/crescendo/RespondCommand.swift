import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo respond DEADLINE --text TEXT [--win partial|full]`: records an official's response.
struct RespondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond", abstract: "Record a response to deadline number DEADLINE, possibly a win.",
        discussion: """
            The campaign's engine replays the ledger through the response's time and says whether it answers the \
            deadline in time or late. A deadline never opened by then, one already answered, or a time after the \
            campaign's end is refused (exit 1) and nothing is recorded.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The deadline's number (1 for the first deadline opened).") var deadline: Int
    @Option(help: "What the official said.") var text: String
    @Option(help: "partial or full, when the response is a win.") var win: String?
    @Option(help: "When the response came (default: now).") var at: String?

    func run() async throws {
        try await reportingErrorsAsync {
            guard deadline >= 1 else { throw ValidationError("DEADLINE is a deadline number, 1 or more") }
            var level: Response.Win?
            if let win {
                guard let w = Response.Win(rawValue: win) else { throw ValidationError("--win is partial or full, not \"\(win)\"") }
                level = w
            }
            guard let campaign = try store.loadCampaign() else {
                throw ValidationError("give the campaign with --campaign FILE: its engine says which deadlines are open")
            }
            var when = now()
            if let at {
                guard let t = TimeParsing.instant(at, zone: campaign.zone) else { throw ValidationError("bad date \"\(at)\" for --at") }
                when = t
            }
            let response = Response(at: when, deadline: deadline, text: text, win: level)
            try await store.withLedger(campaign: campaign) { ledger in
            try await CLIAudit.run(ledger, "respond") {
                if let problem = EntryLimits.problem("text", text, limit: EntryLimits.freeText) { throw ValidationError("--" + problem.message) }
                let standing = try await ledger.respond([response], campaign: campaign, recordedAt: now())[0]
                guard standing.answers else { throw CLIError(standing.sentence(response, zone: campaign.zone)) }
                print(standing.sentence(response, zone: campaign.zone) + (level.map { " (\($0.rawValue) win)" } ?? ""))
                return ("deadline \(deadline)", 201)
            }
            }
        }
    }
}
