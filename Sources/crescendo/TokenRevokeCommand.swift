import ArgumentParser
import CrescendoStore

/// `crescendo token revoke NAME`: the token stops working (within a second on a running daemon).
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by name; a running daemon refuses it within a second.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's name.") var name: String

    func run() async throws {
        try await reportingErrorsAsync {
            try await store.withLedger(campaign: nil) { ledger in
                try await CLIAudit.run(ledger, "token revoke") {
                    try await ledger.revokeToken(name: name, at: now())
                    return ("token \(name)", 200)
                }
            }
            print("token \(name) revoked")
        }
    }
}
