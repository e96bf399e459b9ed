import CrescendoStore
import ServiceLifecycle

/// The heartbeat of delivery claims: while deliveries are in flight, their claims are renewed
/// every third of the claim TTL, so a slow delivery keeps its claim and another daemon takes
/// it over only after this one stopped renewing (it died, or lost the database).
extension Dispatcher {
    /// Renews the claims of every delivery in flight until graceful shutdown.
    func renewClaimsUntilShutdown() async {
        guard let leases else { return }
        let every = Duration.milliseconds(Int64(leases.options.claimTTL * 1000 / 3))
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: every) }
            await renewClaims()
        }
    }

    /// Renews the claims of the deliveries in flight, once.
    func renewClaims() async {
        guard let leases else { return }
        let keys = inFlight.withLock { $0 }.map { key -> (actionID: String, channel: String) in
            let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        guard !keys.isEmpty else { return }
        do {
            try await store.renewClaims(keys, owner: leases.owner, ttl: leases.options.claimTTL)
        } catch {
            logger.warning("could not renew the claims of \(keys.count) deliveries in flight: \(error)")
        }
    }
}
