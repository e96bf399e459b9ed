/// How `crescendo daemon` runs.
public struct DaemonConfiguration: Sendable {
    /// Campaign files; the first is the ledger's campaign (entries are checked against it).
    public var campaignPaths: [String]
    public var host: String
    public var port: Int
    /// The write token; nil leaves writes open, which is refused off loopback.
    public var token: String?
    public var retry: RetryPolicy
    /// Seconds between checks of the campaign files' modification times.
    public var pollSeconds: Double

    public init(campaignPaths: [String], host: String = "127.0.0.1", port: Int = 8080,
                token: String? = nil, retry: RetryPolicy = RetryPolicy(), pollSeconds: Double = 2) {
        self.campaignPaths = campaignPaths; self.host = host; self.port = port
        self.token = token; self.retry = retry; self.pollSeconds = pollSeconds
    }

    /// Whether `host` is a loopback address.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
