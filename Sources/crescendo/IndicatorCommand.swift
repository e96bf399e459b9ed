import ArgumentParser

/// `crescendo indicator ...`: structural indicator samples.
struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "indicator", abstract: "Record structural indicator samples.",
                                                    subcommands: [IndicatorImportCommand.self])
}
