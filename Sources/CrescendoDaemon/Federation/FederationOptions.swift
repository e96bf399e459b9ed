/// How a daemon shares a ledger with others (docs/federation.md): its campaign leases, its
/// delivery claims and how far behind now it judges. The defaults give a takeover within
/// about 11 s at most of a holder's death (the TTL, one follower's try and its first step),
/// while a holder has three renewals before its trust (7 s) runs out.
public struct FederationOptions: Sendable, Hashable {
    /// Seconds a campaign lease lasts from its last renewal (the database's clock).
    public var leaseTTL: Double
    /// Seconds between a holder's renewals.
    public var renewEvery: Double
    /// Seconds between a follower's tries to take a lease it does not hold.
    public var retryEvery: Double
    /// A holder trusts its lease until its own monotonic start of the renewal plus the TTL
    /// minus this margin, so it stops judging before any other daemon may start.
    public var margin: Double
    /// Seconds a delivery claim lasts; it is renewed every third of that while the delivery runs.
    public var claimTTL: Double
    /// Seconds behind now the scheduler judges: entries posted to another daemon are stamped
    /// by that daemon, and this gives their commits time to arrive (0 for one daemon alone).
    public var settleSeconds: Int64

    public init(leaseTTL: Double = 8, renewEvery: Double = 2, retryEvery: Double = 2, margin: Double = 1,
                claimTTL: Double = 15, settleSeconds: Int64 = 0) {
        self.leaseTTL = leaseTTL; self.renewEvery = renewEvery; self.retryEvery = retryEvery; self.margin = margin
        self.claimTTL = claimTTL; self.settleSeconds = settleSeconds
    }

    /// What is wrong with these numbers, if anything (renewals must come before trust runs out).
    public var problem: String? {
        if leaseTTL <= 0 || renewEvery <= 0 || retryEvery <= 0 || claimTTL <= 0 { return "lease and claim times must be positive" }
        if margin < 0 || settleSeconds < 0 { return "the margin and the settle window cannot be negative" }
        if renewEvery >= leaseTTL - margin {
            return "--lease-renew (\(renewEvery) s) must be shorter than --lease-ttl minus the margin (\(leaseTTL - margin) s)"
        }
        return nil
    }
}
