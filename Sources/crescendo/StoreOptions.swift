import ArgumentParser
import CrescendoCore
import CrescendoPostgres
import CrescendoStore
import Foundation

/// `--campaign FILE --db DB`, shared by the commands that use the ledger.
struct StoreOptions: ParsableArguments {
    @Option(help: "The campaign file; entries are checked against its metrics, demands and areas, and local times read in its zone.")
    var campaign: String?

    @Option(help: """
        The ledger: an SQLite file or postgres://USER[:PASSWORD]@HOST:PORT/DB (default: $CRESCENDO_DB, else \
        .crescendo/ledger.sqlite beside the campaign file).
        """)
    var db: String?

    /// The campaign, when `--campaign` was given.
    func loadCampaign() throws -> Campaign? {
        try campaign.map { try crescendo.loadCampaign($0) }
    }

    /// The campaign, for commands that cannot go without one.
    func requiredCampaign() throws -> Campaign {
        guard let campaign else { throw ValidationError("give the campaign with --campaign FILE") }
        return try crescendo.loadCampaign(campaign)
    }

    /// Where the ledger is: `--db`, else `$CRESCENDO_DB`, else `.crescendo/ledger.sqlite` beside
    /// the campaign file (creating the folder when `create` is set).
    func databaseLocation(create: Bool) throws -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CRESCENDO_DB"], !env.isEmpty { return env }
        guard let campaign else {
            throw ValidationError("give the ledger with --db FILE or --db postgres://... (or set CRESCENDO_DB, or give --campaign FILE)")
        }
        let folder = URL(fileURLWithPath: campaign).deletingLastPathComponent().appendingPathComponent(".crescendo")
        if create { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        return folder.appendingPathComponent("ledger.sqlite").path
    }

    /// Runs `body` with the ledger opened for writing (tied to the campaign when one is given),
    /// and closes it.
    func withLedger<T>(campaign: Campaign?, _ body: (any DaemonStore) async throws -> T) async throws -> T {
        try await LedgerDatabase.with(databaseLocation(create: true)) { store in
            if let campaign { try await store.bind(campaign: campaign.id) }
            return try await body(store)
        }
    }

    /// Runs `body` with the ledger opened read-only, and closes it.
    func withReadOnlyLedger<T>(_ body: (any DaemonStore) async throws -> T) async throws -> T {
        try await LedgerDatabase.with(databaseLocation(create: false), readOnly: true, body)
    }
}
