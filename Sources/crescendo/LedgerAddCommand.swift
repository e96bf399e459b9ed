import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo ledger add`: records one act of care.
struct LedgerAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record one ledger entry; prints its seq and hash.")

    @OptionGroup var store: StoreOptions
    @Option(help: "What was counted: one of the campaign's metrics.") var kind: String
    @OptionGroup var fields: EntryFieldOptions

    func run() async throws {
        try await reportingErrorsAsync {
            let campaign = try store.loadCampaign()
            try await store.withLedger(campaign: campaign) { ledger in
            try await CLIAudit.run(ledger, "ledger add") {
                let recordedAt = now()
                var entry = LedgerEntry(at: recordedAt, kind: kind)
                try fields.apply(to: &entry, zone: campaign?.zone ?? .utc)
                try EntryFieldOptions.checkLimits(entry)
                if let campaign, let problem = campaign.problem(with: entry) { throw problem }
                let redactor = try campaign.map(Redactor.init(campaign:)) ?? Redactor()
                let redactions = redactor.redact(&entry)
                let stored = try await ledger.append(entry, recordedAt: recordedAt)
                print("entry \(stored.seq) recorded, hash \(stored.hash)" + redactionNote(redactions))
                return ("seq \(stored.seq)", 201)
            }
            }
        }
    }
}

/// `, 2 redactions` when free text was redacted.
func redactionNote(_ count: Int) -> String {
    count == 0 ? "" : count == 1 ? ", 1 redaction" : ", \(count) redactions"
}
