import CrescendoCore
import Foundation

/// The wall clock. Waits are `Task.sleep`s, ended a millisecond after the deadline (and
/// checked again, in case the wall clock was stepped meanwhile).
public struct SystemClock: DaemonClock {
    public init() {}

    public func now() -> Instant { Instant(seconds: Int64(Self.seconds().rounded(.down))) }

    public func sleep(until deadline: Instant) async throws {
        while true {
            let left = Double(deadline.seconds) - Self.seconds()
            if left <= 0 { return }
            try await Task.sleep(for: .seconds(left) + .milliseconds(1))
        }
    }

    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }

    public func elapsed(since instant: Instant) -> Duration { .seconds(Self.seconds() - Double(instant.seconds)) }

    /// Seconds since 1970, with a fraction.
    private static func seconds() -> Double { Date().timeIntervalSince1970 }
}
