import ArgumentParser

/// The `crescendo` command: check, simulate, test and run campaign files.
@main
struct Crescendo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crescendo",
        abstract: "Turn acts of care into leverage: campaign files, dry runs, the ledger and the daemon.",
        version: "0.1.0",
        subcommands: [
            // One file each.
            CheckCommand.self, SchemaCommand.self, SimulateCommand.self, TestCommand.self, StatusCommand.self,
            LedgerCommand.self, IndicatorCommand.self, FlowsCommand.self, RespondCommand.self,
            PublishCommand.self, DaemonCommand.self, TokenCommand.self, AuditCommand.self, WorkloadCommand.self,
        ]
    )
}
