import Logging
import ServiceLifecycle

/// Delivers due actions (polling every 50 ms) until shutdown; on shutdown it stops claiming
/// and lets the deliveries in flight finish (or time out and stay pending).
struct DispatcherService: Service {
    let dispatcher: Dispatcher
    let logger: Logger

    func run() async throws {
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                do {
                    for d in try dispatcher.claimDue() { group.addTask { await dispatcher.attempt(d) } }
                } catch {
                    logger.error("could not read due deliveries: \(error)")
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
