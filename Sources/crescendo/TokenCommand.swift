import ArgumentParser

/// `crescendo token ...`: people's tokens for the daemon's API and app.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Add, list and revoke the tokens people use with the daemon (recorder < organizer < admin).",
        discussion: "Only a hash of each token is kept in the ledger database; docs/daemon.md, \"Roles and tokens\".",
        subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}
