import ArgumentParser

/// `crescendo ledger ...`: the append-only, hash-chained record of acts of care.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Record, import, list, correct, verify and copy ledger entries.",
        subcommands: [LedgerAddCommand.self, LedgerImportCommand.self, LedgerListCommand.self,
                      LedgerCorrectCommand.self, LedgerVerifyCommand.self, LedgerStatsCommand.self, LedgerCopyCommand.self]
    )
}
