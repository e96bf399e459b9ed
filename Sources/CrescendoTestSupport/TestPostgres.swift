import Foundation

/// The PostgreSQL server the tests use: `$CRESCENDO_TEST_POSTGRES`
/// (`postgres://USER@127.0.0.1:PORT/DB`), which `make test` sets to a throwaway cluster of its
/// own (`scripts/pg-cluster.sh`). Without it the PostgreSQL cases are skipped, saying how to
/// run them, except under `CRESCENDO_REQUIRE_POSTGRES=1` (`make test`), where a missing server
/// is a failure.
///
/// Each test gets a schema of its own (`?schema=t_...` on the URL), dropped when the value goes
/// away, so tests never see each other's rows.
public final class TestPostgres: @unchecked Sendable {
    /// The server's URL, if the tests were given one.
    public static let serverURL: String? = ProcessInfo.processInfo.environment["CRESCENDO_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether a missing server fails the run (`make test` sets it).
    public static let required = ProcessInfo.processInfo.environment["CRESCENDO_REQUIRE_POSTGRES"] == "1"

    /// What a run without a server prints, once.
    public static let howToRun = """
        PostgreSQL cases skipped: set CRESCENDO_TEST_POSTGRES=postgres://USER@HOST:PORT/DB (a server the tests may \
        create schemas in), or run them with a throwaway server: scripts/pg-cluster.sh run -- swift test (make test does)
        """

    /// Why there is no server to test against: thrown under `required`.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "CRESCENDO_REQUIRE_POSTGRES=1 but CRESCENDO_TEST_POSTGRES is not set: \(TestPostgres.howToRun)" }
    }

    nonisolated(unsafe) private static var told = false

    /// The schema this value owns.
    public let schema: String
    /// The ledger's URL: the server's, in `schema`.
    public let url: String

    /// A fresh schema on the server, or nil when there is none to use (said once on standard
    /// error); throws `Missing` when one is required.
    public static func make() throws -> TestPostgres? {
        guard let serverURL else {
            if required { throw Missing() }
            if !told { told = true; FileHandle.standardError.write(Data((howToRun + "\n").utf8)) }
            return nil
        }
        return TestPostgres(serverURL: serverURL)
    }

    private init(serverURL: String) {
        schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        url = serverURL + (serverURL.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// Runs SQL with `psql` in this schema, behind the store's back; returns its unaligned
    /// output (`-At`: one line per row, columns joined by `|`).
    @discardableResult
    public func psql(_ sql: String) throws -> String {
        try Self.psql("SET search_path TO \(schema); " + sql)
    }

    /// Runs SQL with `psql` on the server; throws its error output when it fails.
    @discardableResult
    public static func psql(_ sql: String) throws -> String {
        guard let serverURL else { throw Missing() }
        return try ShellTool.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", serverURL, "-c", sql])
    }

    deinit { _ = try? Self.psql("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
}
