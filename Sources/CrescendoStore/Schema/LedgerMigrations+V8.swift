extension LedgerMigrations {
    /// v8, for several daemons on one ledger (docs/federation.md): a lease per campaign with its
    /// fencing epoch, and a claim on each delivery (who holds it, which claim it is, until
    /// when). Lease and claim times are seconds since 1970 by the database's clock (REAL, for
    /// fractions).
    static let v8 = """
        CREATE TABLE campaign_leases (
            campaign   TEXT PRIMARY KEY,
            owner      TEXT NOT NULL,
            epoch      INTEGER NOT NULL,
            taken_at   REAL NOT NULL,
            expires_at REAL NOT NULL
        );
        ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
        ALTER TABLE deliveries ADD COLUMN claims INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE deliveries ADD COLUMN claim_expires_at REAL;

        UPDATE meta SET value = '8' WHERE key = 'schema_version';
        """
}
