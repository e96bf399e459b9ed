import CrescendoStore
import Foundation

/// Where the command line opens ledger databases: every command that takes `--db` (and the
/// daemon) goes through `open`, and from then on sees only the store protocols.
enum LedgerDatabase {
    /// Opens the ledger at `location` (an SQLite file; created and migrated unless `readOnly`).
    static func open(_ location: String, readOnly: Bool = false) throws -> any DaemonStore {
        try SQLiteLedgerStore(path: location, access: readOnly ? .readOnly : .readWrite)
    }

    /// Whether a path is a ledger database rather than a CSV file (by the SQLite file header).
    /// Only regular files are peeked at, so a pipe (`<(...)`, `/dev/stdin`) is read once, whole.
    static func isDatabase(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }
}
