import ArgumentParser

/// `crescendo flows ...`: money flows with their sources.
struct FlowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flows", abstract: "Record money flows with their sources.",
                                                    subcommands: [FlowsImportCommand.self])
}
