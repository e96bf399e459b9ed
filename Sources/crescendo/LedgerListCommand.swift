import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo ledger list`: shows entries.
struct LedgerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List ledger entries in seq order.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "table or json (one object per line, as GET /api/ledger gives it).") var format: Format = .table
    @Option(help: "Only this kind.") var kind: String?
    @Option(help: "Only this area.") var area: String?
    @Option(help: "Only this demand.") var demand: String?
    @Option(name: .customLong("from-seq"), help: "From this seq (inclusive).") var fromSeq: Int64?
    @Option(name: .customLong("to-seq"), help: "Up to this seq (inclusive).") var toSeq: Int64?
    @Option(help: "Entries at or after this time (UTC unless it has an offset).") var since: String?
    @Option(help: "Entries before this time.") var until: String?

    func run() async throws {
        try await reportingErrorsAsync {
            let query = EntryQuery(kind: kind, area: area, demand: demand, fromSeq: fromSeq, toSeq: toSeq,
                                   since: try since.map { try parse($0, "--since") }, until: try until.map { try parse($0, "--until") })
            let entries = try await store.withReadOnlyLedger { try await $0.entries(query) }
            switch format {
            case .json: for e in entries { print(e.json.text) }
            case .table: print(EntryFormatting.table(entries), terminator: "")
            }
        }
    }

    private func parse(_ text: String, _ flag: String) throws -> Instant {
        guard let t = TimeParsing.instant(text, zone: .utc) else { throw ValidationError("bad date \"\(text)\" for \(flag)") }
        return t
    }
}
