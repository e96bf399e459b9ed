import CrescendoStore
import Logging
import ServiceLifecycle

/// Keeps this daemon's campaign leases: renews the ones it holds every `renewEvery` seconds
/// and tries to take each one it does not hold every `retryEvery` seconds (real time, not the
/// daemon's clock), and gives them all up at a clean stop so another daemon takes over at
/// once. A renewal that fails or is refused leaves the book to run out by itself; the
/// scheduler judges only what the book trusts.
///
/// It asks the store every few seconds for every campaign, held or not, so it is also what
/// tells `health` the database answers again: on a daemon that judges nothing (a follower),
/// no scheduler step reaches the store.
struct LeaseService: Service {
    let store: any DaemonStore
    let registry: CampaignRegistry
    let book: LeaseBook
    let logger: Logger
    var health = StoreHealth()
    var clock: any DaemonClock = SystemClock()
    /// Called when this daemon takes a campaign it did not hold (the daemon wakes its scheduler,
    /// so the catch-up starts at once instead of at the next second).
    var onTakeover: @Sendable () -> Void = {}

    func run() async throws {
        let options = book.options
        var next: [String: ContinuousClock.Instant] = [:]
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let now = ContinuousClock.now
            let due = registry.campaigns.map(\.campaign.id).filter { (next[$0] ?? now) <= now }
            await refresh(due)
            for id in due {
                next[id] = ContinuousClock.now + .milliseconds(Int64((book.epoch(of: id) != nil ? options.renewEvery : options.retryEvery) * 1000))
            }
            let wake = next.values.min() ?? ContinuousClock.now + .seconds(1)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(until: min(wake, ContinuousClock.now + .seconds(1)), clock: .continuous) }
        }
        do { try await store.releaseLeases(owner: book.owner) } catch { logger.warning("could not give up the campaign leases: \(error)") }
    }

    /// Takes or renews the leases of these campaigns, one try each.
    func refresh(_ campaigns: [String]) async {
        for id in campaigns {
            let start = ContinuousClock.now
            do {
                if let epoch = try await store.takeLease(campaign: id, owner: book.owner, ttl: book.options.leaseTTL) {
                    if book.hold(id, epoch: epoch, since: start) != epoch {
                        logger.info("\(id): took the lease (epoch \(epoch)) as \(book.owner); judging it from its watermark")
                        onTakeover()
                    }
                } else if book.drop(id) {
                    logger.warning("\(id): another daemon holds the lease now; no longer judging it")
                }
                health.noteReachable(at: clock.now())
            } catch {
                if !health.noteRound(error, at: clock.now()) {
                    logger.error("\(id): could not renew the lease (it runs out by itself): \(error)")
                }
            }
        }
    }
}
