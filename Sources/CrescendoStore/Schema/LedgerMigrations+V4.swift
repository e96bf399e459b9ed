extension LedgerMigrations {
    /// v4 drops the v1 `deadlines` table, which nothing ever wrote. Deadlines are engine
    /// output: the engine, replaying the ledger's facts, is their one source of truth
    /// (`ResponseStanding` for a response, `Engine.deadlines` for the status and the site), so
    /// any process that can read the ledger knows them without a judging daemon, a lease or a
    /// table that lags behind it (docs/ledger.md, "Responses and deadlines").
    static let v4 = """
        DROP TABLE deadlines;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';
        """
}
