import ArgumentParser
import CrescendoCore
import CrescendoStore

/// `crescendo token list [--format table|json]`: every token's name, role and times, never the token.
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens: name, role, created, expires, last used, state (never the token).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "table or json (one object per line).") var format: Format = .table

    func run() async throws {
        try await reportingErrorsAsync {
            let tokens = try await store.withReadOnlyLedger { try await $0.tokens() }
            let at = now()
            func state(_ t: TokenRecord) -> String { t.refusal(at: at) ?? "active" }
            switch format {
            case .json:
                for t in tokens {
                    print(JSONValue.object([("name", .string(t.name)), ("role", .string(t.role.rawValue)), ("created", .instant(t.createdAt)),
                                            ("expires", .instant(t.expiresAt)), ("last_used", .instant(t.lastUsedAt)),
                                            ("revoked", .instant(t.revokedAt)), ("state", .string(state(t)))]).text)
                }
            case .table:
                let rows = tokens.map { t in
                    [t.name, t.role.rawValue, t.createdAt.iso8601, t.expiresAt?.iso8601 ?? "never", t.lastUsedAt?.iso8601 ?? "never", state(t)]
                }
                print(TextTable.render([["NAME", "ROLE", "CREATED", "EXPIRES", "LAST USED", "STATE"]] + rows), terminator: "")
            }
        }
    }
}
