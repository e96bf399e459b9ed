import CrescendoStore
import Logging
import PostgresNIO

/// Checks a PostgreSQL ledger's schema version and migrates it, in one transaction on the one
/// connection `PostgresLedgerStore.open` makes: a database (or schema) with other tables and no
/// `meta` is not a ledger; a ledger whose `schema_version` is newer than this build is refused,
/// with SQLite's message; an empty one is created. Writers take a transaction-level advisory
/// lock first, so two processes opening a new ledger at once create it once.
struct PostgresSchema {
    let location: String
    let schema: String?
    let logger: Logger

    func prepare(_ connection: PostgresConnection, writable: Bool) async throws {
        try await connection.withTransaction(logger: logger) { c in
            if writable {
                let key = "crescendo ledger schema \(schema ?? "")"
                try await c.run("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
                if let schema { try await c.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger) }
            }
            let version = try await self.version(c)
            let known = LedgerMigrations.schemaVersion
            if let version, version > known { throw StoreError.newerSchema(path: location, found: version, known: known) }
            if version == nil {
                let tables = try await c.run("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", logger: logger)
                    .decode(Int64.self).first(where: { _ in true }) ?? 0
                if tables > 0 { throw StoreError.notALedger(path: location, kind: schema == nil ? "a PostgreSQL database" : "a PostgreSQL schema") }
                if !writable { throw StoreError.missing(path: location) }
            }
            guard writable else { return }
            for migration in PostgresMigrations.all where migration.version > (version ?? 0) {
                for statement in migration.statements { try await c.run(PostgresQuery(unsafeSQL: statement), logger: logger) }
                let text = String(migration.version)
                try await c.run("""
                    INSERT INTO meta (key, value) VALUES ('schema_version', \(text))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, logger: logger)
            }
        }
    }

    /// The ledger's `schema_version`; nil when there is no `meta` table (0 when it has no row).
    private func version(_ c: PostgresConnection) async throws -> Int? {
        let hasMeta = try await c.run("SELECT to_regclass('meta') IS NOT NULL", logger: logger)
            .decode(Bool.self).first(where: { _ in true }) ?? false
        guard hasMeta else { return nil }
        let text = try await c.run("SELECT value FROM meta WHERE key = 'schema_version'", logger: logger)
            .decode(String.self).first(where: { _ in true })
        guard let text else { return 0 }
        guard let version = Int(text) else {
            throw StoreError.database(path: location, message: "meta.schema_version is \"\(text)\", not a number")
        }
        return version
    }
}
