extension LedgerMigrations {
    /// v3: delivery times are whole seconds since 1970 (`Instant`), as every other time in the
    /// ledger: `deliveries.next_attempt_at` and `delivered_at` become INTEGER.
    ///
    /// The table is rebuilt (SQLite cannot change a column's type in place). A fractional retry
    /// time is rounded up (never retried earlier than planned), a delivery time down.
    static let v3 = """
        -- As in v2, with INTEGER times.
        CREATE TABLE deliveries_v3 (
            action_id TEXT NOT NULL REFERENCES actions (id), channel TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, last_error TEXT, delivered_at INTEGER,
            PRIMARY KEY (action_id, channel)
        );
        INSERT INTO deliveries_v3 (action_id, channel, state, attempts, next_attempt_at, last_error, delivered_at)
            SELECT action_id, channel, state, attempts,
                   CAST(next_attempt_at AS INTEGER) + (next_attempt_at > CAST(next_attempt_at AS INTEGER)),
                   last_error, CAST(delivered_at AS INTEGER)
            FROM deliveries;
        DROP TABLE deliveries;
        ALTER TABLE deliveries_v3 RENAME TO deliveries;
        CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

        UPDATE meta SET value = '3' WHERE key = 'schema_version';
        """
}
