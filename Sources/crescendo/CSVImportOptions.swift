import ArgumentParser
import CrescendoCore
import CrescendoStore
import Foundation

/// `--campaign FILE --db FILE` and the CSV file, for the commands that record a CSV file in
/// the ledger in one transaction (`ledger import`, `indicator import`, `flows import`).
struct CSVImportOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file.") var file: String

    /// The file's name as errors show it (`ledger.csv:3: ...`).
    var fileName: String { (file as NSString).lastPathComponent }

    /// Opens the ledger (tied to the campaign when one is given), records the file's rows with
    /// `record` and prints `imported N <what>`; errors are printed as one line, exit 1.
    func record(_ what: String, _ record: (any LedgerStore, CSVImportOptions, Campaign?) async throws -> Int) async throws {
        try await reportingErrorsAsync {
            let campaign = try store.loadCampaign()
            try await store.withLedger(campaign: campaign) { ledger in
            try await CLIAudit.run(ledger, "import \(what)") {
                let n = try await record(ledger, self, campaign)
                print("imported \(n) \(what)")
                return ("\(n) \(what)", 201)
            }
            }
        }
    }
}
