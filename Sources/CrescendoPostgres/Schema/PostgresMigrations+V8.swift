extension PostgresMigrations {
    /// v8, as SQLite's v8: a lease per campaign with its fencing epoch, and a claim on each
    /// delivery. Lease and claim times come from the server's `now()`, never a daemon's clock.
    /// The partial index `deliveries_due` (pending rows only) stays the claim's index.
    static let v8: [String] = [
        """
        CREATE TABLE campaign_leases (
            campaign   TEXT PRIMARY KEY,
            owner      TEXT NOT NULL,
            epoch      BIGINT NOT NULL,
            taken_at   TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        )
        """,
        "ALTER TABLE deliveries ADD COLUMN claimed_by TEXT, ADD COLUMN claims BIGINT NOT NULL DEFAULT 0, ADD COLUMN claim_expires_at TIMESTAMPTZ",
    ]
}
