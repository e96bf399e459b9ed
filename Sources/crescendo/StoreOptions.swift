import ArgumentParser
import CrescendoCore
import CrescendoStore
import Foundation

/// `--campaign FILE --db FILE`, shared by the commands that use the ledger.
struct StoreOptions: ParsableArguments {
    @Option(help: "The campaign file; entries are checked against its metrics, demands and areas, and local times read in its zone.")
    var campaign: String?

    @Option(help: "The ledger database (default: $CRESCENDO_DB, else .crescendo/ledger.sqlite beside the campaign file).")
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

    /// The database path: `--db`, else `$CRESCENDO_DB`, else `.crescendo/ledger.sqlite` beside
    /// the campaign file (creating the folder when `create` is set).
    func databasePath(create: Bool) throws -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CRESCENDO_DB"], !env.isEmpty { return env }
        guard let campaign else {
            throw ValidationError("give the ledger database with --db FILE (or set CRESCENDO_DB, or give --campaign FILE)")
        }
        let folder = URL(fileURLWithPath: campaign).deletingLastPathComponent().appendingPathComponent(".crescendo")
        if create { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        return folder.appendingPathComponent("ledger.sqlite").path
    }

    /// Opens the ledger for writing, tied to the campaign when one is given.
    func openForWriting(campaign: Campaign?) async throws -> any DaemonStore {
        let store = try LedgerDatabase.open(databasePath(create: true))
        if let campaign { try await store.bind(campaign: campaign.id) }
        return store
    }

    /// Opens the ledger read-only.
    func openForReading() throws -> any DaemonStore {
        try LedgerDatabase.open(databasePath(create: false), readOnly: true)
    }
}
