import CrescendoCore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads the campaign files on SIGHUP, on request (`POST /api/reload`) and when a file's
/// modification time or size changes (polled every `pollSeconds` of its clock).
struct ReloaderService: Service {
    let registry: CampaignRegistry
    let clock: any DaemonClock
    let metrics: DaemonMetrics
    let pollSeconds: Double
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in signals.cancelOnGracefulShutdown() {
                    logger.info("SIGHUP: reloading the campaign files")
                    reload()
                }
            }
            var seen = stamps()
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                try? await cancelWhenGracefulShutdown { try await clock.sleep(for: .seconds(pollSeconds)) }
                let now = stamps()
                if now != seen {
                    logger.info("a campaign file changed: reloading")
                    seen = now
                    reload()
                }
            }
            group.cancelAll()
        }
    }

    @discardableResult
    func reload() -> Bool {
        let ok = registry.reload(at: clock.now())
        if !ok { metrics.reloadFailed() }
        return ok
    }

    /// Each watched file's modification time and size (nil when missing).
    private func stamps() -> [String: String] {
        var out: [String: String] = [:]
        for f in registry.watchedFiles {
            let a = try? FileManager.default.attributesOfItem(atPath: f)
            let m = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            let s = (a?[.size] as? NSNumber)?.intValue ?? -1
            out[f] = "\(m)/\(s)"
        }
        return out
    }
}
