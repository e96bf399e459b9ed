import CrescendoCore

/// Where the daemon reads the time: the system clock in production, a hand-advanced clock in
/// tests. The engine itself never reads a clock; the scheduler passes it the time.
public protocol DaemonClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z, with a fraction.
    func now() -> Double
}

extension DaemonClock {
    /// The current whole second.
    public var instant: Instant { Instant(seconds: Int64(now().rounded(.down))) }
}
