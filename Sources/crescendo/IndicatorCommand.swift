import ArgumentParser
import CrescendoCore
import CrescendoStore
import Foundation

/// `crescendo indicator import FILE.csv`: records indicator samples.
struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator", abstract: "Record structural indicator samples.", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Record every row of an indicator CSV (at,name,value) in one transaction.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The indicator CSV file.") var file: String

        func run() throws {
            try reportingErrors {
                let campaign = try store.loadCampaign()
                let ledger = try store.openForWriting(campaign: campaign)
                let reader = try IndicatorCSVReader(path: file, file: (file as NSString).lastPathComponent, campaign: campaign)
                let n = try ledger.importIndicators(reader.next)
                print("imported \(n) indicator samples")
            }
        }
    }
}
