import CrescendoCore

/// Exponential backoff: attempt n (1-based) that fails waits `base * 2^(n-1)`, at most `cap`;
/// after `maxAttempts` failures the delivery is dead.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var base: TimeSpan
    public var cap: TimeSpan

    public init(maxAttempts: Int = 6, base: TimeSpan = TimeSpan(seconds: 1), cap: TimeSpan = .minutes(5)) {
        self.maxAttempts = maxAttempts; self.base = base; self.cap = cap
    }

    /// When to try again after the `attempt`-th failure, or nil to give up.
    public func nextAttempt(after attempt: Int, now: Instant) -> Instant? {
        guard attempt < maxAttempts else { return nil }
        var delay = base.seconds
        for _ in 1..<max(1, attempt) where delay < cap.seconds { delay *= 2 }
        return now + TimeSpan(seconds: min(delay, cap.seconds))
    }
}
