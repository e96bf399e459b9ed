import ArgumentParser
import CrescendoInputs

/// `crescendo flows import FILE.csv`: records money flows.
struct FlowsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Record every row of a money-flow CSV (date,from,to,category,amount,currency,source) in one transaction.")
    @OptionGroup var input: CSVImportOptions

    func run() async throws {
        try await input.record("money flows") { ledger, input, _ in
            try await ledger.importMoneyFlows(MoneyFlowCSVReader(path: input.file, file: input.fileName).next)
        }
    }
}
