extension LedgerMigrations {
    /// v2, for the daemon: actions per campaign with a `skipped` state, one delivery row per
    /// (action, channel) with its retry state, timers per campaign, and each campaign's
    /// judged-through watermark.
    ///
    /// The v1 `actions` table is rebuilt (SQLite cannot change a CHECK constraint in place);
    /// rows it may hold are copied over.
    static let v2 = """
        CREATE TABLE actions_v2 (
            id           TEXT PRIMARY KEY,
            campaign     TEXT NOT NULL DEFAULT '',
            rule         TEXT NOT NULL,
            action       TEXT NOT NULL,
            due_at       INTEGER NOT NULL,
            payload      TEXT NOT NULL,
            state        TEXT NOT NULL DEFAULT 'pending'
                         CHECK (state IN ('pending', 'delivered', 'dead', 'skipped', 'unrouted')),
            attempts     INTEGER NOT NULL DEFAULT 0,
            late         INTEGER NOT NULL DEFAULT 0,
            delivered_at INTEGER,
            decided_at   INTEGER NOT NULL DEFAULT 0,
            reason       TEXT
        );
        INSERT INTO actions_v2 (id, rule, action, due_at, payload, state, attempts, late, delivered_at)
            SELECT id, rule, action, due_at, payload, state, attempts, late, delivered_at FROM actions;
        DROP TABLE actions;
        ALTER TABLE actions_v2 RENAME TO actions;
        CREATE INDEX actions_by_state ON actions (state, due_at);
        CREATE INDEX actions_by_due ON actions (due_at);

        -- One row per channel an action goes to; the action is delivered once every row is.
        CREATE TABLE deliveries (
            action_id       TEXT NOT NULL REFERENCES actions (id),
            channel         TEXT NOT NULL,
            state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            last_error      TEXT,
            delivered_at    REAL,
            PRIMARY KEY (action_id, channel)
        );
        CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

        ALTER TABLE timers ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
        ALTER TABLE timers ADD COLUMN rule TEXT NOT NULL DEFAULT '';

        -- Every instant up to judged_through has been judged and its actions recorded.
        CREATE TABLE daemon_watermarks (
            campaign       TEXT PRIMARY KEY,
            judged_through INTEGER NOT NULL,
            alive_at       INTEGER NOT NULL
        );

        UPDATE meta SET value = '2' WHERE key = 'schema_version';
        """
}
