extension PostgresMigrations {
    /// v4: the ledger as SQLite's schema version 4 holds it, with PostgreSQL's types (times in
    /// whole seconds since 1970 as BIGINT, hashes as 32-byte BYTEA), and one `chain_head` row
    /// that every append locks `FOR UPDATE`.
    static let v4: [String] = [
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        """
        -- The newest entry's seq and hash (0 and 32 zero bytes for an empty ledger). Every
        -- transaction that appends entries locks this row FOR UPDATE first, so writers take
        -- turns: seqs are contiguous, in commit order, and each entry chains to the one before.
        CREATE TABLE chain_head (
            id   SMALLINT PRIMARY KEY CHECK (id = 1),
            seq  BIGINT NOT NULL,
            hash BYTEA NOT NULL CHECK (length(hash) = 32)
        )
        """,
        "INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))",
        """
        -- The ledger. `at` and `recorded_at` are whole seconds since 1970-01-01T00:00:00Z;
        -- `quantity` is in thousandths; `hash` is the SHA-256 of the canonical encoding
        -- (docs/ledger.md). A correction is an entry of its own naming the entry it corrects.
        CREATE TABLE entries (
            seq               BIGINT PRIMARY KEY CHECK (seq >= 1),
            at                BIGINT NOT NULL,
            recorded_at       BIGINT NOT NULL,
            kind              TEXT NOT NULL,
            quantity          BIGINT NOT NULL CHECK (quantity >= 0),
            area              TEXT,
            demand            TEXT,
            care              TEXT,
            cause             TEXT,
            change            TEXT,
            corrects          BIGINT,
            correction_reason TEXT,
            hash              BYTEA NOT NULL CHECK (length(hash) = 32)
        )
        """,
        """
        CREATE FUNCTION entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'ledger entries are append-only: record a correction instead';
        END
        $$
        """,
        """
        CREATE TRIGGER entries_are_append_only BEFORE UPDATE OR DELETE ON entries
        FOR EACH ROW EXECUTE FUNCTION entries_are_append_only()
        """,
        """
        CREATE TRIGGER entries_are_not_truncated BEFORE TRUNCATE ON entries
        FOR EACH STATEMENT EXECUTE FUNCTION entries_are_append_only()
        """,
        """
        CREATE TABLE indicator_samples (
            id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at    BIGINT NOT NULL,
            name  TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL
        )
        """,
        "CREATE INDEX indicator_samples_by_name ON indicator_samples (name, at)",
        """
        CREATE TABLE responses (
            id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            deadline    BIGINT NOT NULL,
            at          BIGINT NOT NULL,
            text        TEXT NOT NULL,
            win         TEXT CHECK (win IN ('partial', 'full')),
            recorded_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX responses_by_deadline ON responses (deadline, at)",
        """
        CREATE TABLE money_flows (
            id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            date     TEXT NOT NULL,
            "from"   TEXT NOT NULL,
            "to"     TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('corporate_subsidy', 'worker_support', 'frontline_services', 'other')),
            amount   BIGINT NOT NULL,
            currency TEXT NOT NULL,
            source   TEXT NOT NULL
        )
        """,
        """
        -- The daemon's outbox: every action it decided, under a stable id; `decided` keeps the
        -- order they were recorded in (SQLite's rowid).
        CREATE TABLE actions (
            id           TEXT PRIMARY KEY,
            decided      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            campaign     TEXT NOT NULL DEFAULT '',
            rule         TEXT NOT NULL,
            action       TEXT NOT NULL,
            due_at       BIGINT NOT NULL,
            payload      TEXT NOT NULL,
            state        TEXT NOT NULL DEFAULT 'pending'
                         CHECK (state IN ('pending', 'delivered', 'dead', 'skipped', 'unrouted')),
            attempts     BIGINT NOT NULL DEFAULT 0,
            late         BOOLEAN NOT NULL DEFAULT false,
            delivered_at BIGINT,
            decided_at   BIGINT NOT NULL DEFAULT 0,
            reason       TEXT
        )
        """,
        "CREATE INDEX actions_by_state ON actions (state, due_at)",
        "CREATE INDEX actions_by_due ON actions (due_at, decided)",
        """
        -- One row per channel an action goes to; the action is delivered once every row is.
        CREATE TABLE deliveries (
            action_id       TEXT NOT NULL REFERENCES actions (id),
            channel         TEXT NOT NULL,
            ord             BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
            attempts        BIGINT NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            last_error      TEXT,
            delivered_at    BIGINT,
            PRIMARY KEY (action_id, channel)
        )
        """,
        "-- Narrow and partial: the dispatcher's claim reads only pending rows.\nCREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending'",
        "CREATE INDEX deliveries_dead ON deliveries (next_attempt_at) WHERE state = 'dead'",
        """
        CREATE TABLE timers (
            id       TEXT PRIMARY KEY,
            campaign TEXT NOT NULL DEFAULT '',
            rule     TEXT NOT NULL DEFAULT '',
            kind     TEXT NOT NULL,
            due_at   BIGINT NOT NULL,
            payload  TEXT NOT NULL
        )
        """,
        "CREATE INDEX timers_by_campaign ON timers (campaign, due_at)",
        """
        -- Every instant up to judged_through has been judged and its actions recorded.
        CREATE TABLE daemon_watermarks (
            campaign       TEXT PRIMARY KEY,
            judged_through BIGINT NOT NULL,
            alive_at       BIGINT NOT NULL
        )
        """,
    ]
}
