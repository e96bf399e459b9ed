import CrescendoCore
import CrescendoDaemon
import Synchronization

/// A clock that only moves when told to, for tests: the daemon's services sleep on it, and a
/// test wakes them by moving it (`advance`, `set`), then waits until they have done their work
/// and sleep again (`waitForSleepers`). Nothing waits in real time.
public final class ManualClock: DaemonClock {
    private struct Sleeper {
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        /// The time, since 1970.
        var now: Duration
        var sleepers: [Int: Sleeper] = [:]
        /// Sleeps cancelled before they were registered.
        var cancelled: Set<Int> = []
        var nextID = 0
        /// Tests waiting for sleepers: how many, with which deadline (any when nil).
        var watchers: [(count: Int, deadline: Duration?, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    public init(_ start: Instant) { state = Mutex(State(now: .seconds(start.seconds))) }

    public func now() -> Instant { state.withLock { Self.floor($0.now) } }

    /// Moves the clock to `t` (forward or back) and wakes the sleepers whose deadline has come.
    public func set(_ t: Instant) { move { $0 = .seconds(t.seconds) } }

    /// Moves the clock forward and wakes the sleepers whose deadline has come.
    public func advance(by span: TimeSpan) { move { $0 += .seconds(span.seconds) } }

    /// Moves the clock forward by any duration.
    public func advance(by duration: Duration) { move { $0 += duration } }

    public func sleep(until deadline: Instant) async throws { try await sleep(untilTime: .seconds(deadline.seconds)) }

    public func sleep(for duration: Duration) async throws {
        try await sleep(untilTime: state.withLock { $0.now } + duration)
    }

    public func elapsed(since instant: Instant) -> Duration { state.withLock { $0.now } - .seconds(instant.seconds) }

    /// The deadlines of the tasks sleeping on the clock now, earliest first.
    public var sleepers: [Instant] { state.withLock { $0.sleepers.values.map { Self.floor($0.deadline) }.sorted() } }

    /// Returns once at least `count` tasks sleep on the clock (with this deadline, when given):
    /// the services it drives have finished what the last move of the clock woke them for.
    public func waitForSleepers(_ count: Int, until deadline: Instant? = nil) async {
        let wanted = deadline.map { Duration.seconds($0.seconds) }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s -> Bool in
                if Self.count(s.sleepers, wanted) >= count { return true }
                s.watchers.append((count, wanted, c))
                return false
            }
            if ready { c.resume() }
        }
    }

    private func sleep(untilTime deadline: Duration) async throws {
        let id = state.withLock { s -> Int in s.nextID += 1; return s.nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                enum Start { case sleep, due, cancelled }
                let (start, watchers) = state.withLock { s -> (Start, [CheckedContinuation<Void, Never>]) in
                    if s.cancelled.remove(id) != nil { return (.cancelled, []) }
                    if s.now >= deadline { return (.due, []) }
                    s.sleepers[id] = Sleeper(deadline: deadline, continuation: c)
                    return (.sleep, Self.satisfiedWatchers(&s))
                }
                switch start {
                case .sleep: for w in watchers { w.resume() }
                case .due: c.resume()
                case .cancelled: c.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper = state.withLock { s -> Sleeper? in
                if let found = s.sleepers.removeValue(forKey: id) { return found }
                s.cancelled.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    private func move(_ change: (inout Duration) -> Void) {
        let due = state.withLock { s -> [Sleeper] in
            change(&s.now)
            let now = s.now
            let ids = s.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return ids.compactMap { s.sleepers.removeValue(forKey: $0) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Removes and returns the watchers whose wait is over.
    private static func satisfiedWatchers(_ s: inout State) -> [CheckedContinuation<Void, Never>] {
        var ready: [CheckedContinuation<Void, Never>] = []
        let sleepers = s.sleepers
        s.watchers.removeAll { w in
            guard count(sleepers, w.deadline) >= w.count else { return false }
            ready.append(w.continuation)
            return true
        }
        return ready
    }

    private static func count(_ sleepers: [Int: Sleeper], _ deadline: Duration?) -> Int {
        guard let deadline else { return sleepers.count }
        return sleepers.values.filter { $0.deadline == deadline }.count
    }

    private static func floor(_ d: Duration) -> Instant {
        let (seconds, attoseconds) = d.components
        return Instant(seconds: attoseconds < 0 ? seconds - 1 : seconds)
    }
}
