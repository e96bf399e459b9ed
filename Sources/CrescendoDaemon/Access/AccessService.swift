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
        var trouble = RepeatedFailure()
        var droppedSinceSaid = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await clock.sleep(for: .seconds(flushSeconds)) }
            let now = clock.now()
            // While the database is lost every round fails: said once, then once a minute.
            let (failure, dropped) = await flushCounting()
            droppedSinceSaid += dropped
            if let failure {
                let what = "could not write the audit lines and token use: \(failure)"
                    + (droppedSinceSaid > 0 ? "; dropped the \(droppedSinceSaid) oldest audit line(s) waiting for the database" : "")
                if let line = trouble.failed(what, at: now) { logger.error("\(line)"); droppedSinceSaid = 0 }
            } else if let line = trouble.succeeded("wrote the audit lines and token use", at: now) {
                logger.notice("\(line)")
            }
            if now.seconds - lastPrune.seconds >= 3600 {
                lastPrune = now
                do {
                    let n = try await store.pruneIdempotencyKeys(before: Instant(seconds: now.seconds - Self.keepKeys))
                    if n > 0 { logger.info("pruned \(n) Idempotency-Key(s) older than 7 days") }
                    try await store.pruneSessions(before: now)
                } catch { logger.warning("could not prune Idempotency-Keys: \(error)") }
            }
        }
        if let failure = await flush() { logger.error("could not write the audit lines and token use at shutdown: \(failure)") }
    }

    /// Writes the pending audit lines and last-used times; on failure they are put back for
    /// the next round (audit lines keep their order) and the first error is returned.
    @discardableResult
    func flush() async -> (any Error)? {
        let (failure, dropped) = await flushCounting()
        if dropped > 0 { logger.error("dropped the \(dropped) oldest audit line(s) waiting for the database") }
        return failure
    }

    /// `flush`, saying how many of the oldest audit lines were dropped because too many waited.
    private func flushCounting() async -> (failure: (any Error)?, dropped: Int) {
        let events = log.take()
        var failure: (any Error)?
        var dropped = 0
        do { try await store.appendAudit(events) } catch {
            failure = error
            dropped = log.restore(events)
        }
        let uses = tokens.takeUses()
        do { try await store.recordTokenUse(uses) } catch { failure = failure ?? error }
        return (failure, dropped)
    }
}
