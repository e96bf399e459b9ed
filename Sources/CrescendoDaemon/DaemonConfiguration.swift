/// How `crescendo daemon` runs.
public struct DaemonConfiguration: Sendable {
    /// Campaign files; the first is the ledger's campaign (entries are checked against it).
    public var campaignPaths: [String]
    public var host: String
    public var port: Int
    /// The daemon's own token (`CRESCENDO_TOKEN`, `--token-file`), an admin token; people's
    /// tokens are in the ledger database (`crescendo token add`).
    public var token: String?
    public var retry: RetryPolicy
    /// Seconds between checks of the campaign files' modification times.
    public var pollSeconds: Double
    /// Whether a public page may be served from the last site built while the next is built
    /// (`SiteCache.servesStale`); false makes every request wait for a site of the latest commit.
    public var servesStaleSite: Bool
    /// Campaign leases, delivery claims and the settle window (docs/federation.md).
    public var federation: FederationOptions

    public init(campaignPaths: [String], host: String = "127.0.0.1", port: Int = 8080,
                token: String? = nil, retry: RetryPolicy = RetryPolicy(), pollSeconds: Double = 2, servesStaleSite: Bool = true,
                federation: FederationOptions = FederationOptions()) {
        self.campaignPaths = campaignPaths; self.host = host; self.port = port
        self.token = token; self.retry = retry; self.pollSeconds = pollSeconds; self.servesStaleSite = servesStaleSite
        self.federation = federation
    }
}
