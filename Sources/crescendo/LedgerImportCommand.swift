import ArgumentParser
import CrescendoCore
import CrescendoInputs

/// `crescendo ledger import LEDGER.csv`: appends a whole CSV file in one transaction.
struct LedgerImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append every row of a ledger CSV (at,kind,quantity,area,demand,care,cause,change) in one transaction; a bad row imports nothing.")

    @OptionGroup var input: CSVImportOptions
    @Flag(name: .customLong("dry-run"), help: "Read and check the file; write nothing.") var dryRun = false

    func run() async throws {
        try await reportingErrorsAsync {
            let campaign = try input.store.loadCampaign()
            let reader = try LedgerCSVReader(path: input.file, file: input.fileName, campaign: campaign)
            if dryRun {
                let progress = ImportProgress()
                var n = 0
                while try reader.next() != nil { n += 1 }
                print("checked \(n) entries, \(progress.rate(n)) rows/s; nothing written")
                return
            }
            try await input.store.withLedger(campaign: campaign) { ledger in
            try await CLIAudit.run(ledger, "ledger import") {
                let redactor = try campaign.map(Redactor.init(campaign:)) ?? Redactor()
                var redactions = 0
                let progress = ImportProgress()
                let summary = try await ledger.importEntries(recordedAt: now(), progress: progress.report) {
                    guard var entry = try reader.next() else { return nil }
                    if entry.care != nil || entry.cause != nil || entry.change != nil {
                        if let problem = EntryLimits.problem(with: entry) { throw reader.error(problem.message) }
                        redactions += redactor.redact(&entry)
                    }
                    return entry
                }
                progress.finish()
                let range = summary.firstSeq.map { " (entries \($0) to \(summary.head.seq))" } ?? ""
                print("imported \(summary.count) entries\(range), \(progress.rate(summary.count)) rows/s, head \(summary.head.hash)"
                      + redactionNote(redactions))
                return (summary.firstSeq.map { "seq \($0)-\(summary.head.seq)" } ?? "", 201)
            }
            }
        }
    }
}
