import CrescendoCore
import Logging
import ServiceLifecycle

/// Runs the scheduler at start, then at every second boundary of its clock and whenever a write
/// route rings it (`Scheduler.wake()`: this daemon committed facts), until shutdown. Facts other
/// daemons write to a shared ledger arrive by the second boundary.
///
/// `ready`, when given, is asked every 50 ms before the first step until it says yes (at most
/// `readyWaitSeconds`, in real time): the daemon passes "the public site's first build is
/// done", so that the site's whole read of the ledger and the scheduler's whole replay do not
/// share the cores at a start (at 1,000,000 entries on 2 cores the first page waited for
/// both; docs/daemon.md, "What a start costs, and what the daemon holds").
struct SchedulerService: Service {
    let scheduler: Scheduler
    let clock: any DaemonClock
    let health: StoreHealth
    let logger: Logger
    var ready: (@Sendable () async -> Bool)? = nil
    var readyWaitSeconds: Double = 10

    func run() async throws {
        if let ready {
            let start = ContinuousClock.now
            while !(await ready()), ContinuousClock.now - start < .seconds(readyWaitSeconds), !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
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
