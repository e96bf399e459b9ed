/// The PostgreSQL ledger's schema, as numbered migrations.
///
/// A migration is NEVER edited once it has shipped: ledgers in the field were built by the text
/// as it was. Change the schema by appending a migration. A migration is numbered by the
/// schema version it brings the ledger to, the same numbers as SQLite's
/// (`LedgerMigrations.schemaVersion`, in `meta.schema_version` on both), so a version names
/// the same tables and meanings on either store. PostgreSQL ledgers start at version 4: the
/// first migration creates what SQLite's v1 to v4 built, in one step.
///
/// Each migration is a list of statements (postgres-nio sends one statement per query), run in
/// order in one transaction with the `meta` update, so a ledger is at one version or the next.
enum PostgresMigrations {
    /// Every migration, oldest first.
    static let all: [(version: Int, statements: [String])] = [(4, v4), (5, v5), (6, v6), (7, v7), (8, v8), (9, v9)]

    /// The newest version these migrations reach.
    static var newest: Int { all.last?.version ?? 0 }
}
