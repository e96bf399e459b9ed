import GRDB

/// The ledger's schema, as SQL migrations.
///
/// A migration is NEVER edited once it has shipped: databases in the field were built by the
/// text as it was. Change the schema by appending a new migration and raising
/// `LedgerMigrations.schemaVersion`.
package enum LedgerMigrations {
    /// The newest schema version this build knows (stored in `meta.schema_version`).
    package static let schemaVersion = 9

    /// Every migration, oldest first, by its GRDB name.
    static let all: [(name: String, sql: String)] = [("v1", v1), ("v2", v2), ("v3", v3), ("v4", v4), ("v5", v5), ("v6", v6), ("v7", v7), ("v8", v8), ("v9", v9)]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in all {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('schema_version', '1');

        -- The ledger. `at` and `recorded_at` are whole seconds since 1970-01-01T00:00:00Z;
        -- `quantity` is in thousandths; `hash` is the 32-byte SHA-256 of the canonical
        -- encoding (docs/ledger.md). A correction is an entry of its own naming the entry it
        -- corrects (`corrects`) and why (`correction_reason`).
        CREATE TABLE entries (
            seq               INTEGER PRIMARY KEY,
            at                INTEGER NOT NULL,
            recorded_at       INTEGER NOT NULL,
            kind              TEXT NOT NULL,
            quantity          INTEGER NOT NULL CHECK (quantity >= 0),
            area              TEXT,
            demand            TEXT,
            care              TEXT,
            cause             TEXT,
            change            TEXT,
            corrects          INTEGER,
            correction_reason TEXT,
            hash              BLOB NOT NULL
        );
        CREATE TRIGGER entries_are_append_only_update BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a correction instead'); END;
        CREATE TRIGGER entries_are_append_only_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a correction instead'); END;

        CREATE TABLE indicator_samples (
            id    INTEGER PRIMARY KEY,
            at    INTEGER NOT NULL,
            name  TEXT NOT NULL,
            value REAL NOT NULL
        );
        CREATE INDEX indicator_samples_by_name ON indicator_samples (name, at);

        CREATE TABLE deadlines (
            number        INTEGER PRIMARY KEY,
            demand        TEXT NOT NULL,
            target        TEXT NOT NULL,
            opened        INTEGER NOT NULL,
            due           INTEGER NOT NULL,
            answered_at   INTEGER,
            response_text TEXT,
            win           TEXT CHECK (win IN ('partial', 'full'))
        );

        CREATE TABLE responses (
            id          INTEGER PRIMARY KEY,
            deadline    INTEGER NOT NULL,
            at          INTEGER NOT NULL,
            text        TEXT NOT NULL,
            win         TEXT CHECK (win IN ('partial', 'full')),
            recorded_at INTEGER NOT NULL
        );
        CREATE INDEX responses_by_deadline ON responses (deadline, at);

        CREATE TABLE money_flows (
            id       INTEGER PRIMARY KEY,
            date     TEXT NOT NULL,
            "from"   TEXT NOT NULL,
            "to"     TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('corporate_subsidy', 'worker_support', 'frontline_services', 'other')),
            amount   INTEGER NOT NULL,
            currency TEXT NOT NULL,
            source   TEXT NOT NULL
        );

        -- For the daemon: every action it must deliver, under a stable id, and durable timers.
        CREATE TABLE actions (
            id           TEXT PRIMARY KEY,
            rule         TEXT NOT NULL,
            action       TEXT NOT NULL,
            due_at       INTEGER NOT NULL,
            payload      TEXT NOT NULL,
            state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
            attempts     INTEGER NOT NULL DEFAULT 0,
            late         INTEGER NOT NULL DEFAULT 0,
            delivered_at INTEGER
        );
        CREATE INDEX actions_by_state ON actions (state, due_at);

        CREATE TABLE timers (
            id      TEXT PRIMARY KEY,
            kind    TEXT NOT NULL,
            due_at  INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE INDEX timers_by_due ON timers (due_at);
        """
}
