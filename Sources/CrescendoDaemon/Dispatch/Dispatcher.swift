import CrescendoCore
import CrescendoStore
import Logging
import Synchronization

/// Sends pending deliveries through their channels, concurrently, and records each outcome.
///
/// A delivery is marked delivered only after the channel confirmed it. A channel that hangs
/// holds only its own deliveries (each attempt has a timeout); the scheduler runs apart. The
/// `DispatcherService` waits between rounds on the dispatcher's doorbell, which the scheduler
/// rings when it commits new actions and each attempt rings when it ends, and at most a second
/// on the clock (retries, and deliveries recorded by anyone else).
public final class Dispatcher: Sendable {
    let store: any DaemonStore
    let registry: CampaignRegistry
    let clock: any DaemonClock
    let retry: RetryPolicy
    let logger: Logger
    let metrics: DaemonMetrics?
    /// The most deliveries in flight at once.
    let concurrency: Int
    /// When given, deliveries are claimed in the store under this daemon's id (any daemon
    /// sharing the ledger may deliver any campaign's), renewed while they run
    /// (`Dispatcher+Claims.swift`), and completed only under their claim.
    let leases: LeaseBook?
    let inFlight = Mutex<Set<String>>([])
    private let doorbell = Doorbell()
    /// Attempts recorded so far, and who waits for a number of them.
    private let recorded = Mutex<(count: Int, waiters: [(Int, CheckedContinuation<Void, Never>)])>((0, []))

    public init(store: any DaemonStore, registry: CampaignRegistry, clock: any DaemonClock, retry: RetryPolicy = RetryPolicy(),
                logger: Logger, metrics: DaemonMetrics? = nil, concurrency: Int = 32, leases: LeaseBook? = nil) {
        self.store = store; self.registry = registry; self.clock = clock; self.retry = retry
        self.logger = logger; self.metrics = metrics; self.concurrency = concurrency; self.leases = leases
    }

    /// Asks for a round now: there are new deliveries, or room for more.
    public func wake() { doorbell.ring() }

    /// Waits for `wake()`, for the clock to reach `deadline`, or for cancellation.
    func waitForWork(until deadline: Instant) async { await doorbell.wait(until: deadline, on: clock) }

    /// The deliveries due by `now` (the clock's time when nil) that are not already in flight,
    /// claimed for this caller.
    func claimDue(now: Instant? = nil) async throws -> [DeliveryRecord] {
        let before = inFlight.withLock { $0 }
        guard before.count < concurrency else { return [] }
        let due: [DeliveryRecord]
        if let leases {
            due = try await store.claimDeliveries(now: now ?? clock.now(), limit: concurrency - before.count, owner: leases.owner,
                                                  ttl: leases.options.claimTTL)
        } else {
            due = try await store.dueDeliveries(now: now ?? clock.now(), limit: concurrency)
        }
        return claim(due, inFlightBefore: before)
    }

    /// Claims the rows of a read that no attempt holds. A row that was in flight when the read
    /// began is left out even if its attempt has ended since: the read may predate the attempt's
    /// record, and the next round sees the row as it now is.
    func claim(_ due: [DeliveryRecord], inFlightBefore before: Set<String>) -> [DeliveryRecord] {
        inFlight.withLock { set in
            var out: [DeliveryRecord] = []
            for d in due where set.count < concurrency && !before.contains(Self.key(d)) && set.insert(Self.key(d)).inserted {
                out.append(d)
            }
            return out
        }
    }

    /// Attempts one delivery and records the outcome.
    func attempt(_ d: DeliveryRecord) async {
        defer {
            _ = inFlight.withLock { $0.remove(Self.key(d)) }
            countRecorded()
            wake()
        }
        var failure: String?
        if let channel = registry.channel(campaign: d.campaign, id: d.channel) {
            do { try await channel.deliver(id: d.actionID, payload: d.payload) } catch { failure = "\(error)" }
        } else {
            failure = "campaign \(d.campaign) has no channel \(d.channel) (any more)"
        }
        let now = clock.now()
        let next = failure == nil ? nil : retry.nextAttempt(after: d.attempts + 1, now: now)
        do {
            let counted = try await store.recordAttempt(DeliveryOutcome(actionID: d.actionID, channel: d.channel, attempt: d.attempts + 1,
                                                                        at: now, error: failure, retryAt: next, claim: d.claim))
            // Another claim recorded this attempt already, or took the delivery over (it is not this attempt's to count).
            guard counted else { return }
        } catch {
            // The delivery stays pending and is retried; channels are idempotent by id.
            logger.error("could not record the delivery of \(d.actionID) to \(d.channel): \(error)")
            return
        }
        if let failure {
            metrics?.deliveryFailed(channel: d.channel, dead: next == nil)
            if next == nil {
                logger.error("dead letter: \(d.actionID) to \(d.channel) after \(d.attempts + 1) attempts: \(failure)")
            } else {
                logger.warning("delivery of \(d.actionID) to \(d.channel) failed (attempt \(d.attempts + 1)), retrying: \(failure)")
            }
        } else {
            metrics?.delivered(channel: d.channel, delay: clock.elapsed(since: d.dueAt))
        }
    }

    /// Claims and attempts every due delivery, waiting for them all (for tests and shutdown).
    public func drain() async throws {
        let due = try await claimDue()
        await withDiscardingTaskGroup { group in
            for d in due { group.addTask { await self.attempt(d) } }
        }
    }

    /// Returns once `n` attempts have ended since the dispatcher was made (recorded or not).
    public func waitForAttempts(_ n: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = recorded.withLock { r -> Bool in
                if r.count >= n { return true }
                r.waiters.append((n, c))
                return false
            }
            if done { c.resume() }
        }
    }

    private func countRecorded() {
        let ready = recorded.withLock { r -> [CheckedContinuation<Void, Never>] in
            r.count += 1
            let n = r.count
            let ready = r.waiters.filter { $0.0 <= n }.map(\.1)
            r.waiters.removeAll { $0.0 <= n }
            return ready
        }
        for c in ready { c.resume() }
    }

    static func key(_ d: DeliveryRecord) -> String { d.actionID + "\u{1F}" + d.channel }
}
