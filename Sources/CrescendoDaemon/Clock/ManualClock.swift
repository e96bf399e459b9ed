import CrescendoCore
import Synchronization

/// A clock that only moves when told to, for tests.
public final class ManualClock: DaemonClock {
    private let seconds: Mutex<Double>

    public init(_ start: Instant) { seconds = Mutex(Double(start.seconds)) }

    public func now() -> Double { seconds.withLock { $0 } }

    /// Moves the clock to `t`.
    public func set(_ t: Instant) { seconds.withLock { $0 = Double(t.seconds) } }

    /// Moves the clock forward.
    public func advance(by span: TimeSpan) { seconds.withLock { $0 += Double(span.seconds) } }
}
