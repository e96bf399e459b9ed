/// Exponential backoff: attempt n (1-based) that fails waits `base * 2^(n-1)`, at most `cap`;
/// after `maxAttempts` failures the delivery is dead.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseSeconds: Double
    public var capSeconds: Double

    public init(maxAttempts: Int = 6, baseSeconds: Double = 1, capSeconds: Double = 300) {
        self.maxAttempts = maxAttempts; self.baseSeconds = baseSeconds; self.capSeconds = capSeconds
    }

    /// When to try again after the `attempt`-th failure, or nil to give up.
    public func nextAttempt(after attempt: Int, now: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        var delay = baseSeconds
        for _ in 1..<max(1, attempt) { delay *= 2 }
        return now + min(delay, capSeconds)
    }
}
