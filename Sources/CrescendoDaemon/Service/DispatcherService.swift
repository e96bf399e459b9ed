import CrescendoCore
import Logging
import ServiceLifecycle

/// Delivers due actions until shutdown: a round of claims whenever the dispatcher is woken (new
/// actions committed, an attempt ended) and at each second boundary of its clock. On shutdown
/// it stops claiming and lets the deliveries in flight finish (or time out and stay pending).
struct DispatcherService: Service {
    let dispatcher: Dispatcher
    let health: StoreHealth
    let logger: Logger

    func run() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                // The round's time, read once: the wait ends a second after it, even if the
                // clock moved during the round.
                let now = dispatcher.clock.now()
                do {
                    for d in try await dispatcher.claimDue(now: now) { group.addTask { await dispatcher.attempt(d) } }
                } catch {
                    if !health.noteRound(error, at: now) { logger.error("could not read due deliveries: \(error)") }
                }
                await cancelWhenGracefulShutdown { await dispatcher.waitForWork(until: now + TimeSpan(seconds: 1)) }
            }
        }
    }
}
