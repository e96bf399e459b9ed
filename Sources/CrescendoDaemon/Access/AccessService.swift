import CrescendoCore
import CrescendoStore
import Logging
import ServiceLifecycle

/// Writes what the access layer notes in memory: the buffered audit lines (`AccessLog`) and
/// tokens' last-used times (`TokenBook`), every `flushSeconds` of the daemon's clock and once
/// more at shutdown; and prunes `Idempotency-Key`s older than `keepKeys` once an hour.
public struct AccessService: Service {
    let store: any AccessStore
    let log: AccessLog
    let tokens: TokenBook
    let clock: any DaemonClock
    let logger: Logger
    var flushSeconds: Int64 = 2
    /// Keys are kept at least this long (7 days, as the specification asks).
    static let keepKeys: Int64 = 7 * 86_400

    public func run() async throws {
        var lastPrune = Instant(seconds: 0)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await clock.sleep(for: .seconds(flushSeconds)) }
            await flush()
            let now = clock.now()
            if now.seconds - lastPrune.seconds >= 3600 {
                lastPrune = now
                do {
                    let n = try await store.pruneIdempotencyKeys(before: Instant(seconds: now.seconds - Self.keepKeys))
                    if n > 0 { logger.info("pruned \(n) Idempotency-Key(s) older than 7 days") }
                    try await store.pruneSessions(before: now)
                } catch { logger.warning("could not prune Idempotency-Keys: \(error)") }
            }
        }
        await flush()
    }

    /// Writes the pending audit lines and last-used times; on failure they are put back for
    /// the next round (audit lines keep their order).
    func flush() async {
        let events = log.take()
        do { try await store.appendAudit(events) } catch {
            logger.error("could not write \(events.count) audit line(s), retrying: \(error)")
            let dropped = log.restore(events)
            if dropped > 0 { logger.error("dropped the \(dropped) oldest audit line(s) waiting for the database") }
        }
        let uses = tokens.takeUses()
        do { try await store.recordTokenUse(uses) } catch { logger.warning("could not record token use: \(error)") }
    }
}
