import CrescendoCore

/// Where the daemon reads the time and waits for it: the system clock in production, a
/// hand-advanced clock in tests (`ManualClock` in CrescendoTestSupport). The engine itself never
/// reads a clock; the scheduler passes it the time. The services wait only through their clock,
/// so a test moves the whole daemon through time by hand.
public protocol DaemonClock: Sendable {
    /// The current whole second.
    func now() -> Instant

    /// Returns once `now()` has reached `deadline` (at once if it already has); throws
    /// `CancellationError` if the task is cancelled first.
    func sleep(until deadline: Instant) async throws

    /// Returns once `duration` has passed on this clock; throws `CancellationError` if the task
    /// is cancelled first.
    func sleep(for duration: Duration) async throws

    /// How long ago `instant` began, finer than a second where the clock can tell (for
    /// metrics, such as the delay from an action's due time to its delivery).
    func elapsed(since instant: Instant) -> Duration
}
