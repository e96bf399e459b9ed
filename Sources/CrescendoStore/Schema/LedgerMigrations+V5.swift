extension LedgerMigrations {
    /// v5, for people and roles: tokens (only their SHA-256 is kept), the append-only audit
    /// log, and the `Idempotency-Key`s of retry-safe writes with the response they gave.
    static let v5 = """
        CREATE TABLE tokens (
            name         TEXT PRIMARY KEY,
            hash         TEXT NOT NULL UNIQUE,
            role         TEXT NOT NULL CHECK (role IN ('recorder', 'organizer', 'admin')),
            created_at   INTEGER NOT NULL,
            expires_at   INTEGER,
            last_used_at INTEGER,
            revoked_at   INTEGER
        );

        -- Every write and every refusal; outcome is an HTTP status (docs/daemon.md, "The audit log").
        CREATE TABLE audit (
            id      INTEGER PRIMARY KEY,
            at      INTEGER NOT NULL,
            who     TEXT NOT NULL,
            role    TEXT,
            what    TEXT NOT NULL,
            ids     TEXT NOT NULL DEFAULT '',
            outcome INTEGER NOT NULL,
            detail  TEXT
        );
        CREATE INDEX audit_by_who ON audit (who, id);
        CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        -- A key is scoped to the token that sent it; kept at least 7 days, then pruned.
        CREATE TABLE idempotency_keys (
            scope       TEXT NOT NULL,
            key         TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            status      INTEGER NOT NULL,
            body        TEXT NOT NULL,
            created_at  INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        );
        CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

        UPDATE meta SET value = '5' WHERE key = 'schema_version';
        """
}
