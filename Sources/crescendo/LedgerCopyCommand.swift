import ArgumentParser
import CrescendoStore

/// `crescendo ledger copy --from DB --to DB`: the whole ledger from one store into another.
struct LedgerCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole ledger into an empty one (SQLite file or postgres:// URL, either way); seqs and hashes kept.",
        discussion: """
            Copies every entry with its seq, times, correction and hash, the indicator samples, responses and money \
            flows, and the daemon's actions, deliveries, timers and watermarks, so a daemon started on the copy carries \
            on where the source's stopped. The source must verify; the target must be empty (a new SQLite file is \
            created). The copy is one transaction on the target and streams, so memory stays flat; it then verifies \
            the copy.
            """)

    @Option(help: "The ledger to copy: an SQLite file or postgres://USER[:PASSWORD]@HOST:PORT/DB.") var from: String
    @Option(help: "The empty ledger to copy into: an SQLite file (created) or a postgres:// URL.") var to: String

    func validate() throws {
        guard from != to else { throw ValidationError("--from and --to are the same ledger") }
    }

    func run() async throws {
        try await reportingErrorsAsync {
            let progress = ImportProgress()
            let (written, report, target) = try await LedgerDatabase.with(from, readOnly: true) { source in
                try await LedgerDatabase.with(to) { target in
                    let written = try await LedgerCopier.copy(from: source, to: target)
                    return (written, try await target.verify(), target.location)
                }
            }
            if let problem = report.problem { throw CLIError("the copy in \(target) does not verify: \(problem.message)") }
            print("copied \(written) to \(target), \(progress.rate(Int(written.entries))) entries/s; "
                  + "ledger intact: \(report.count) entries, head \(report.headHash)")
        }
    }
}
