extension PostgresMigrations {
    /// v6, as SQLite's v6: the web app's sessions, kept in the ledger database so that every
    /// daemon sharing the ledger accepts them. A session's key is the SHA-256 of its cookie.
    static let v6: [String] = [
        """
        CREATE TABLE app_sessions (
            key        TEXT PRIMARY KEY,
            value      TEXT NOT NULL,
            expires_at BIGINT
        )
        """,
        "CREATE INDEX app_sessions_by_expiry ON app_sessions (expires_at)",
    ]
}
