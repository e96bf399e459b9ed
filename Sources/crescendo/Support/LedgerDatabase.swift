import ArgumentParser
import CrescendoPostgres
import CrescendoStore
import Foundation
import Logging

/// Where the command line opens ledger databases: every command that takes `--db` (and the
/// daemon) goes through `open`, the one place that tells a PostgreSQL URL from an SQLite file,
/// and from then on sees only the store protocols.
enum LedgerDatabase {
    /// Opens the ledger at `location`: a `postgres://USER[:PASSWORD]@HOST:PORT/DB` URL, or an
    /// SQLite file (created and migrated unless `readOnly`). A URL that does not parse is a
    /// usage error naming what is wrong; `logger` gets the PostgreSQL pool's own messages.
    static func open(_ location: String, readOnly: Bool = false, logger: Logger = quiet) async throws -> any DaemonStore {
        guard PostgresURL.isURL(location) else {
            return try SQLiteLedgerStore(path: location, access: readOnly ? .readOnly : .readWrite)
        }
        let url: PostgresURL
        do { url = try PostgresURL(location) } catch let problem as PostgresURL.Problem { throw ValidationError(problem.description) }
        return try await PostgresLedgerStore.open(url, readOnly: readOnly, logger: logger)
    }

    /// Opens the ledger, runs `body` with it and closes it, whether `body` returns or throws.
    static func with<T>(_ location: String, readOnly: Bool = false, _ body: (any DaemonStore) async throws -> T) async throws -> T {
        let store = try await open(location, readOnly: readOnly)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// The PostgreSQL pool's messages are not the command's: a command reports its own errors.
    static var quiet: Logger {
        var logger = Logger(label: "crescendo.postgres")
        logger.logLevel = .critical
        return logger
    }

    /// Whether a location is a ledger database rather than a CSV file: a PostgreSQL URL, or a
    /// file with the SQLite header. Only regular files are peeked at, so a pipe (`<(...)`,
    /// `/dev/stdin`) is read once, whole.
    static func isDatabase(_ path: String) -> Bool {
        if PostgresURL.isURL(path) { return true }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }
}
