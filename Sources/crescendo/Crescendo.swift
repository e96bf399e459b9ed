import ArgumentParser

/// The `crescendo` command: check, simulate, test and run campaign files.
@main
struct Crescendo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crescendo",
        abstract: "Turn acts of care into leverage: campaign files, dry runs, the ledger and the daemon.",
        version: "0.1.0",
        subcommands: [
            CheckCommand.self,
            SchemaCommand.self,
            SimulateCommand.self,
            TestCommand.self,
            StatusCommand.self,
            // subcommands: one file each
            LedgerCommand.self, IndicatorCommand.self, RespondCommand.self, FlowsCommand.self, WorkloadCommand.self,
            DaemonCommand.self,
        ]
    )
}
