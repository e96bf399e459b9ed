import CrescendoCore
import Foundation

/// The earliest second an entry stamped by the daemon may take: one past the second the
/// scheduler is judging.
///
/// The scheduler raises it before it reads facts, and the ingest queue stamps entries posted
/// without `at` with `max(now, floor)`. So the scheduler can judge through the current second
/// at once (an action due at `t` goes out just after `t`, not a second later), and an entry the
/// daemon stamps is never older than what has been judged.
final class StampFloor: @unchecked Sendable {
    private let lock = NSLock()
    private var judging: Int64?

    /// The scheduler is about to judge through `t`.
    func raise(to t: Instant) {
        lock.withLock { judging = max(judging ?? t.seconds, t.seconds) }
    }

    /// The `at` for an entry recorded at `now`.
    func stamp(_ now: Instant) -> Instant {
        lock.withLock {
            guard let judging, judging >= now.seconds else { return now }
            return Instant(seconds: judging + 1)
        }
    }
}
