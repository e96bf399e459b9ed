import ArgumentParser
import CrescendoCore
import CrescendoStore
import Foundation

/// `crescendo flows import FILE.csv`: records money flows.
struct FlowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows", abstract: "Record money flows with their sources.", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record every row of a money-flow CSV (date,from,to,category,amount,currency,source) in one transaction.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The money-flow CSV file.") var file: String

        func run() throws {
            try reportingErrors {
                let campaign = try store.loadCampaign()
                let ledger = try store.openForWriting(campaign: campaign)
                let reader = try MoneyFlowCSVReader(path: file, file: (file as NSString).lastPathComponent)
                let n = try ledger.importMoneyFlows(reader.next)
                print("imported \(n) money flows")
            }
        }
    }
}
