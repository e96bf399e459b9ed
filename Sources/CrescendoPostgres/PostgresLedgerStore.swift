import CrescendoCore
import CrescendoStore
import Logging
import PostgresNIO

/// The ledger on PostgreSQL, through postgres-nio's `PostgresClient`: the same entries, seqs,
/// hashes and commands as on SQLite (one encoder, `CrescendoStore/Chain`), for several
/// processes, daemons and machines sharing one ledger.
///
/// Every write that adds entries locks the one `chain_head` row `FOR UPDATE` in its
/// transaction, reads the head, numbers and chains the new entries and moves the head, so
/// concurrent writers anywhere get one contiguous `seq` and one linear chain, in commit order
/// (docs/ledger.md, "PostgreSQL"). Side facts take the same lock, so their row ids, which the
/// daemon reads as cursors, also rise in commit order.
///
/// `open` connects once on its own (so an unreachable server, a wrong password or a ledger of
/// a newer schema is a clear error at once), migrates under a transaction-level advisory lock,
/// and then starts the client's pool, which runs until `close()`. Leasing a connection gives up
/// after `acquireTimeout` with `StoreError.unavailable` rather than waiting for a server that
/// has gone.
public final class PostgresLedgerStore: DaemonStore, Sendable {
    /// Where the ledger is.
    public let url: PostgresURL
    /// Whether the store was opened read-only (its transactions are read-only on the server).
    public let readOnly: Bool
    /// How long an operation waits for a connection before it throws `StoreError.unavailable`.
    public let acquireTimeout: Duration
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    public var location: String { url.description }

    private init(url: PostgresURL, readOnly: Bool, acquireTimeout: Duration, client: PostgresClient, logger: Logger) {
        self.url = url; self.readOnly = readOnly; self.acquireTimeout = acquireTimeout; self.client = client; self.logger = logger
        runner = Task { await client.run() }
    }

    /// Opens the ledger at `url`: creates and migrates it unless `readOnly`; refuses a
    /// database that is not a ledger, or one of a newer schema.
    public static func open(_ url: PostgresURL, readOnly: Bool = false, acquireTimeout: Duration = .seconds(10),
                            logger: Logger = Logger(label: "crescendo.postgres")) async throws -> PostgresLedgerStore {
        let location = url.description
        do {
            let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(url, readOnly: readOnly),
                                                                  id: 0, logger: logger)
            do {
                try await PostgresSchema(location: location, schema: url.schema, logger: logger).prepare(connection, writable: !readOnly)
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw StoreError.postgres(error, location: location)
        }
        let client = PostgresClient(configuration: try clientConfiguration(url, readOnly: readOnly), backgroundLogger: logger)
        return PostgresLedgerStore(url: url, readOnly: readOnly, acquireTimeout: acquireTimeout, client: client, logger: logger)
    }

    /// Stops the client's pool and closes its connections.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// What every connection sends at start: the schema to use, read-only when asked, and a
    /// name in `pg_stat_activity`, `crescendo/PID`, so an operator (or `scripts/federation.py`)
    /// can tell which process a session belongs to.
    static func startupParameters(_ url: PostgresURL, readOnly: Bool) -> [(String, String)] {
        var p: [(String, String)] = [("application_name", "crescendo/\(getpid())")]
        if let schema = url.schema { p.append(("search_path", schema)) }
        if readOnly { p.append(("default_transaction_read_only", "on")) }
        return p
    }

    static func connectionConfiguration(_ url: PostgresURL, readOnly: Bool) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var c = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                 database: url.database, tls: tls)
        c.options.additionalStartupParameters = startupParameters(url, readOnly: readOnly)
        return c
    }

    static func clientConfiguration(_ url: PostgresURL, readOnly: Bool) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch url.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var c = PostgresClient.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                             database: url.database, tls: tls)
        c.options.additionalStartupParameters = startupParameters(url, readOnly: readOnly)
        c.options.maximumConnections = 8
        return c
    }

    public func bind(campaign id: String) async throws {
        try await transaction { c in
            let rows = try await c.run("SELECT value FROM meta WHERE key = 'campaign' FOR UPDATE", logger: self.logger)
            if let stored = try await rows.decode(String.self).first(where: { _ in true }) {
                guard stored == id else { throw StoreError.campaignMismatch(path: self.location, stored: stored, given: id) }
            } else {
                try await c.run("INSERT INTO meta (key, value) VALUES ('campaign', \(id)) ON CONFLICT (key) DO NOTHING", logger: self.logger)
                let again = try await c.run("SELECT value FROM meta WHERE key = 'campaign'", logger: self.logger)
                let stored = try await again.decode(String.self).first(where: { _ in true }) ?? id
                guard stored == id else { throw StoreError.campaignMismatch(path: self.location, stored: stored, given: id) }
            }
        }
    }
}
