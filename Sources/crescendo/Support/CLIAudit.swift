import ArgumentParser
import CrescendoCore
import CrescendoInputs
import CrescendoStore

/// The command line's part of the audit log: every write a command makes, and every refusal
/// once the ledger is open, is one line with `cli` as who. The outcome is the status the same
/// write or refusal gets over HTTP: 201 recorded, 200 done, 404 no such thing, 409 conflict,
/// 422 refused input, 500 failed.
enum CLIAudit {
    /// Runs `body` (which returns what it touched and its outcome) and audits it, or the error
    /// it throws, which is then rethrown.
    static func run(_ store: any AccessStore, _ what: String, _ body: () async throws -> (ids: String, outcome: Int)) async throws {
        do {
            let (ids, outcome) = try await body()
            try await store.appendAudit([AuditEvent(at: now(), who: "cli", role: nil, what: what, ids: ids, outcome: outcome)])
        } catch {
            let line = AuditEvent(at: now(), who: "cli", role: nil, what: what, outcome: outcome(of: error),
                                  detail: String("\(error)".prefix(300)))
            try? await store.appendAudit([line])
            throw error
        }
    }

    static func outcome(of error: any Error) -> Int {
        switch error {
        case StoreError.tokenExists: return 409
        case StoreError.noSuchToken, StoreError.noSuchEntry: return 404
        case is EntryProblem, is InputError, is ValidationError, is CLIError, StoreError.invalidText, StoreError.entryTooLarge: return 422
        default: return 500
        }
    }
}
