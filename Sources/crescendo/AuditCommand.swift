import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo audit [--format table|json]`: the audit log, oldest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit log: every write and refusal, from the API, the app and the command line.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "table or json (one object per line, as GET /api/audit gives each).") var format: Format = .table
    @Option(help: "Only this caller's lines (a token's name, or cli).") var who: String?
    @Option(help: "Lines after this id.") var after: Int64 = 0
    @Option(help: "At most this many lines.") var limit: Int = 1000

    func run() async throws {
        try await reportingErrorsAsync {
            guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
            let lines = try await store.withReadOnlyLedger { try await $0.audit(AuditQuery(who: who, after: after, limit: limit)) }
            switch format {
            case .json: for e in lines { print(e.json.text) }
            case .table:
                let rows = lines.map { e in
                    ["\(e.id ?? 0)", e.at.iso8601, e.who, e.role?.rawValue ?? "-", e.what, e.ids, "\(e.outcome)", e.detail ?? ""]
                }
                print(TextTable.render([["ID", "AT", "WHO", "ROLE", "WHAT", "IDS", "OUTCOME", "DETAIL"]] + rows), terminator: "")
            }
        }
    }
}
