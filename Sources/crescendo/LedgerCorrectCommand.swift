import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo ledger correct SEQ`: records a correction of an entry (the entry itself stays).
struct LedgerCorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Record a correction of entry SEQ: a new entry naming SEQ and the reason; fields not given keep SEQ's values.")

    @Argument(help: "The seq of the entry to correct.") var seq: Int64
    @OptionGroup var store: StoreOptions
    @Option(help: "Why the entry is corrected.") var reason: String
    @Option(help: "The corrected kind.") var kind: String?
    @OptionGroup var fields: EntryFieldOptions

    func run() async throws {
        try await reportingErrorsAsync {
            guard !reason.isEmpty else { throw ValidationError("--reason must not be empty") }
            let campaign = try store.loadCampaign()
            try await store.withLedger(campaign: campaign) { ledger in
            try await CLIAudit.run(ledger, "ledger correct") {
                guard var entry = try await ledger.entry(seq: seq)?.entry else { throw StoreError.noSuchEntry(seq: seq) }
                if let kind { entry.kind = kind }
                try fields.apply(to: &entry, zone: campaign?.zone ?? .utc)
                try EntryFieldOptions.checkLimits(entry)
                if let problem = EntryLimits.problem("reason", reason, limit: EntryLimits.freeText) { throw ValidationError("--" + problem.message) }
                if let campaign, let problem = campaign.problem(with: entry) { throw problem }
                let redactor = try campaign.map(Redactor.init(campaign:)) ?? Redactor()
                let redactions = redactor.redact(&entry)
                let stored = try await ledger.correct(seq: seq, with: entry, reason: reason, recordedAt: now())
                print("entry \(stored.seq) recorded, correcting entry \(seq), hash \(stored.hash)" + redactionNote(redactions))
                return ("seq \(stored.seq) (corrects seq \(seq))", 201)
            }
            }
        }
    }
}
