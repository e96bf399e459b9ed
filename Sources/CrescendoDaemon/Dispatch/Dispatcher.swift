import CrescendoStore
import Logging
import Synchronization

/// Sends pending deliveries through their channels, concurrently, and records each outcome.
///
/// A delivery is marked delivered only after the channel confirmed it. A channel that hangs
/// holds only its own deliveries (each attempt has a timeout); the scheduler runs apart.
public final class Dispatcher: Sendable {
    let store: SQLiteLedgerStore
    let registry: CampaignRegistry
    let clock: any DaemonClock
    let retry: RetryPolicy
    let logger: Logger
    let metrics: DaemonMetrics?
    /// The most deliveries in flight at once.
    let concurrency: Int
    private let inFlight = Mutex<Set<String>>([])

    public init(store: SQLiteLedgerStore, registry: CampaignRegistry, clock: any DaemonClock, retry: RetryPolicy = RetryPolicy(),
                logger: Logger, metrics: DaemonMetrics? = nil, concurrency: Int = 32) {
        self.store = store; self.registry = registry; self.clock = clock; self.retry = retry
        self.logger = logger; self.metrics = metrics; self.concurrency = concurrency
    }

    /// The deliveries due now that are not already in flight, claimed for this caller.
    func claimDue() throws -> [DeliveryRecord] {
        let room = concurrency - inFlight.withLock { $0.count }
        guard room > 0 else { return [] }
        let due = try store.dueDeliveries(now: clock.now(), limit: room + inFlight.withLock { $0.count })
        return inFlight.withLock { set in
            var out: [DeliveryRecord] = []
            for d in due where out.count < room && set.insert(Self.key(d)).inserted { out.append(d) }
            return out
        }
    }

    /// Attempts one delivery and records the outcome.
    func attempt(_ d: DeliveryRecord) async {
        defer { _ = inFlight.withLock { $0.remove(Self.key(d)) } }
        var failure: String?
        if let channel = registry.channel(campaign: d.campaign, id: d.channel) {
            do { try await channel.deliver(id: d.actionID, payload: d.payload) } catch { failure = "\(error)" }
        } else {
            failure = "campaign \(d.campaign) has no channel \(d.channel) (any more)"
        }
        let now = clock.now()
        let next = failure == nil ? nil : retry.nextAttempt(after: d.attempts + 1, now: now)
        do {
            try store.recordAttempt(actionID: d.actionID, channel: d.channel, delivered: failure == nil, at: now, error: failure, nextAttemptAt: next)
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
            metrics?.delivered(channel: d.channel, delaySeconds: now - Double(d.dueAt))
        }
    }

    /// Claims and attempts every due delivery, waiting for them all (for tests and shutdown).
    public func drain() async throws {
        let due = try claimDue()
        await withDiscardingTaskGroup { group in
            for d in due { group.addTask { await self.attempt(d) } }
        }
    }

    private static func key(_ d: DeliveryRecord) -> String { d.actionID + "\u{1F}" + d.channel }
}
