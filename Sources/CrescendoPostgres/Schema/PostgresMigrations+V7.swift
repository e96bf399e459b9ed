extension PostgresMigrations {
    /// v7, as SQLite's v7: the facts by time, for replays from a checkpoint
    /// (`LedgerStore.facts(from:through:)`).
    static let v7: [String] = [
        "CREATE INDEX entries_by_at ON entries (at, seq)",
        "CREATE INDEX indicator_samples_by_at ON indicator_samples (at, id)",
        "CREATE INDEX responses_by_at ON responses (at, id)",
    ]
}
