import ArgumentParser
import CrescendoInputs

/// `crescendo indicator import FILE.csv`: records indicator samples.
struct IndicatorImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Record every row of an indicator CSV (at,name,value) in one transaction.")
    @OptionGroup var input: CSVImportOptions

    func run() async throws {
        try await input.record("indicator samples") { ledger, input, campaign in
            try await ledger.importIndicators(IndicatorCSVReader(path: input.file, file: input.fileName, campaign: campaign).next)
        }
    }
}
