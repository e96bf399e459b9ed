import ArgumentParser
import CrescendoCore
import CrescendoStore
import Foundation

/// `crescendo token add --name NAME --role ROLE [--expires D]`: prints a new token, and nothing else.
struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make a token for a person; prints the token (and nothing else) once: hand it over, it is not kept.",
        discussion: """
            --expires takes a date (the token works through that day, UTC), a date-time (2027-03-01T18:00, UTC \
            unless it has an offset) or a duration from now (30d, 12h, 2w, P90D).
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "A unique name: letters, digits, . _ - @ (at most 64).") var name: String
    @Option(help: "recorder, organizer or admin.") var role: Role
    @Option(help: "When the token stops working (a date, date-time or duration).") var expires: String?

    func validate() throws {
        if let problem = TokenRecord.nameProblem(name) { throw ValidationError("--name: \(problem)") }
    }

    func run() async throws {
        try await reportingErrorsAsync {
            let created = now()
            let expiry = try expires.map { try Self.expiry($0, from: created) }
            let token = TokenSecret.generate()
            try await store.withLedger(campaign: store.loadCampaign()) { ledger in
                try await CLIAudit.run(ledger, "token add") {
                    try await ledger.addToken(TokenRecord(name: name, role: role, createdAt: created, expiresAt: expiry),
                                              hash: TokenSecret.hash(token))
                    return ("token \(name)", 201)
                }
            }
            print(token)
        }
    }

    /// A date (through its end, UTC), a date-time, or a duration from `now`; never in the past.
    static func expiry(_ text: String, from now: Instant) throws -> Instant {
        guard let t = TokenRecord.expiry(text, from: now) else {
            throw ValidationError("--expires is a date (2027-03-31), a date-time (2027-03-31T18:00) or a duration (30d), not \"\(text)\"")
        }
        guard t > now else { throw ValidationError("--expires \(text) is already past") }
        return t
    }
}
