import CrescendoCore
import Logging
import ServiceLifecycle

/// Runs the scheduler at start, then at every second boundary of its clock and whenever a write
/// route rings it (`Scheduler.wake()`: this daemon committed facts), until shutdown. Facts other
/// daemons write to a shared ledger arrive by the second boundary.
struct SchedulerService: Service {
    let scheduler: Scheduler
    let clock: any DaemonClock
    let health: StoreHealth
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let now = clock.now()
            // Errors only: a step that judges nothing reaches no store, so `LeaseService` (which
            // asks the store for every campaign) is what marks the database back.
            do {
                try await scheduler.step()
            } catch {
                if !health.noteRound(error, at: clock.now()) { logger.error("scheduler step failed, retrying: \(error)") }
            }
            // Wake as the next second begins (the second just ended can then be judged), or at
            // once when facts were recorded meanwhile.
            await cancelWhenGracefulShutdown { await scheduler.waitForFacts(until: now + TimeSpan(seconds: 1)) }
        }
    }
}
