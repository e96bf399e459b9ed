import ArgumentParser
import CrescendoDaemon
import CrescendoPostgres
import Foundation
import Logging

/// `crescendo daemon`: runs campaigns continuously over a ledger, with an HTTP API.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run campaigns continuously: take entries over HTTP, deliver actions through channels, exactly once.",
        discussion: """
            The first --campaign is the ledger's campaign: posted entries are checked against it. The API needs
            Authorization: Bearer TOKEN: a person's token (crescendo token add, with a role: recorder, organizer or
            admin), or the daemon's own admin token from $CRESCENDO_TOKEN or --token-file. Without a token a client
            sees only the public site. SIGHUP reloads the campaign files; SIGTERM or SIGINT stops it cleanly.
            docs/daemon.md explains the API, roles, delivery and recovery.
            """)

    @Option(name: .customLong("campaign"), parsing: .upToNextOption, help: "Campaign file(s); the first is the ledger's.")
    var campaigns: [String]
    @Option(help: "The ledger: an SQLite file (created on first start) or postgres://USER[:PASSWORD]@HOST:PORT/DB (default: $CRESCENDO_DB).")
    var db: String?
    @Option(help: "HOST:PORT to listen on.") var listen: String = "127.0.0.1:8080"
    @Option(help: "A file holding the daemon's own admin token (instead of $CRESCENDO_TOKEN).") var tokenFile: String?
    @Option(help: "Seconds between checks of the campaign files for changes.") var poll: Double = 2
    @Flag(help: "Make every public page wait for a site built from the latest commit, instead of serving the last one built while the next is built.")
    var freshSite = false
    @Option(help: "Seconds a campaign lease lasts from its last renewal, by the database's clock (docs/federation.md).")
    var leaseTtl: Double = 8
    @Option(help: "Seconds between renewals of the leases this daemon holds.") var leaseRenew: Double = 2
    @Option(help: "Seconds between tries to take a lease another daemon holds.") var leaseRetry: Double = 2
    @Option(help: "Seconds a delivery claim lasts; renewed every third of it while the delivery runs.") var claimTtl: Double = 15
    @Option(help: "Seconds behind now campaigns are judged, so entries posted to other daemons arrive first (default: 2 on a PostgreSQL ledger, 0 on SQLite).")
    var settle: Int64?

    func validate() throws {
        guard !campaigns.isEmpty else { throw ValidationError("give at least one --campaign FILE") }
        guard Self.split(listen) != nil else { throw ValidationError("--listen is HOST:PORT, e.g. 127.0.0.1:8080, not \"\(listen)\"") }
        if let problem = federation(postgres: false).problem { throw ValidationError(problem) }
    }

    func run() async throws {
        try await reportingErrorsAsync {
            guard let (host, port) = Self.split(listen) else { throw ValidationError("--listen is HOST:PORT") }
            var token = ProcessInfo.processInfo.environment["CRESCENDO_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            if let tokenFile {
                guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else { throw CLIError("cannot read the token file \(tokenFile)") }
                token = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard token?.isEmpty == false else { throw CLIError("the token file \(tokenFile) is empty") }
            }
            guard let db = db ?? ProcessInfo.processInfo.environment["CRESCENDO_DB"].flatMap({ $0.isEmpty ? nil : $0 }) else {
                throw ValidationError("give the ledger with --db FILE or --db postgres://... (or set CRESCENDO_DB)")
            }
            if !PostgresURL.isURL(db) {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: db).deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            var logger = Logger(label: "crescendo.daemon")
            logger.logLevel = .info
            var storeLogger = logger
            storeLogger.logLevel = .warning
            let config = DaemonConfiguration(campaignPaths: campaigns, host: host, port: port, token: token, pollSeconds: poll,
                                             servesStaleSite: !freshSite, federation: federation(postgres: PostgresURL.isURL(db)))
            let store = try await LedgerDatabase.open(db, logger: storeLogger)
            // The store's connections close when the daemon has stopped, after its last write.
            try await CrescendoDaemon(configuration: config, store: store, logger: logger).run()
        }
    }

    /// The lease, claim and settle options; a shared (PostgreSQL) ledger judges 2 s behind now by default.
    func federation(postgres: Bool) -> FederationOptions {
        FederationOptions(leaseTTL: leaseTtl, renewEvery: leaseRenew, retryEvery: leaseRetry, claimTTL: claimTtl,
                          settleSeconds: settle ?? (postgres ? 2 : 0))
    }

    /// `HOST:PORT` (`[::1]:8080` for IPv6).
    static func split(_ s: String) -> (String, Int)? {
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(s[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
