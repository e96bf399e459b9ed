extension LedgerMigrations {
    /// v6, for the web app: its sessions (hummingbird-auth's session storage, kept in the
    /// ledger database so that every daemon sharing the ledger accepts them). A session's key
    /// is the SHA-256 of its cookie, never the cookie itself; `value` is the session's JSON.
    static let v6 = """
        CREATE TABLE app_sessions (
            key        TEXT PRIMARY KEY,
            value      TEXT NOT NULL,
            expires_at INTEGER
        );
        CREATE INDEX app_sessions_by_expiry ON app_sessions (expires_at);

        UPDATE meta SET value = '6' WHERE key = 'schema_version';
        """
}
