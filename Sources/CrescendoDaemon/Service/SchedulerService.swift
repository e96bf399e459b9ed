import Foundation
import Logging
import ServiceLifecycle

/// Runs the scheduler a little after every second boundary until shutdown.
struct SchedulerService: Service {
    let scheduler: Scheduler
    let clock: any DaemonClock
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do { try await scheduler.step() } catch { logger.error("scheduler step failed, retrying: \(error)") }
            // Wake just after the next second: the second just ended can then be judged.
            let now = clock.now()
            let wait = (now.rounded(.down) + 1.02) - now
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(max(0.05, wait))) }
        }
    }
}
