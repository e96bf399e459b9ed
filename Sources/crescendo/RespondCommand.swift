import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo respond DEADLINE --text TEXT [--win partial|full]`: records an official's response.
struct RespondCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond", abstract: "Record a response to deadline number DEADLINE, possibly a win.")

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
            let campaign = try store.loadCampaign()
            var when = now()
            if let at {
                guard let t = TimeParsing.instant(at, zone: campaign?.zone ?? .utc) else { throw ValidationError("bad date \"\(at)\" for --at") }
                when = t
            }
            let answered = try await store.openForWriting(campaign: campaign)
                .recordResponse(Response(at: when, deadline: deadline, text: text, win: level), recordedAt: now())
            print("response to deadline \(deadline) recorded" + (answered ? ", deadline answered" : "") + (level.map { " (\($0.rawValue) win)" } ?? ""))
        }
    }
}
