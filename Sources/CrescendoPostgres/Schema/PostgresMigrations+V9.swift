extension PostgresMigrations {
    /// v9, as SQLite's v9: the corrections by seq (a partial index), read first by every read
    /// of the ledger as it now reads.
    static let v9: [String] = [
        "CREATE INDEX entries_corrections ON entries (seq) WHERE corrects IS NOT NULL",
    ]
}
