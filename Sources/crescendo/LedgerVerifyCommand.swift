import ArgumentParser
import CrescendoStore

/// `crescendo ledger verify`: recomputes the hash chain.
struct LedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain; exit 1 naming the first entry that does not match.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrorsAsync {
            let report = try await store.withReadOnlyLedger { try await $0.verify() }
            if let problem = report.problem { throw CLIError("ledger verification failed: \(problem.message)") }
            print("ledger intact: \(report.count) entries, head \(report.headHash)")
        }
    }
}
