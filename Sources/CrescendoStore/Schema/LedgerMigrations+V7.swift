extension LedgerMigrations {
    /// v7, for the daemon's checkpoints: the facts by time. A late fact is replayed from the
    /// last checkpoint before it, reading every fact dated after the checkpoint
    /// (`LedgerStore.facts(from:through:)`): entries by (at, seq), indicator samples and
    /// responses by (at, id), so that read costs what came after the checkpoint.
    static let v7 = """
        CREATE INDEX entries_by_at ON entries (at, seq);
        CREATE INDEX indicator_samples_by_at ON indicator_samples (at, id);
        CREATE INDEX responses_by_at ON responses (at, id);

        UPDATE meta SET value = '7' WHERE key = 'schema_version';
        """
}
