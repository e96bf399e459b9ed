import CrescendoCore
import CrescendoStore
import Logging
import Synchronization

/// Whether the ledger database can be reached, as the daemon last found it.
///
/// The scheduler (every second), the dispatcher and every request report the errors they met:
/// a `StoreError.unavailable` marks the database lost from that instant. `LeaseService`, which
/// asks the store for every campaign's lease every few seconds, marks it back when it answers. While it is lost, `/healthz` answers 503, `/api/status` says so, and
/// writes are refused at once with 503 (`StoreAvailability`) instead of each waiting for a
/// connection; the lease service goes on asking, so the daemon resumes by itself when the
/// database returns.
public final class StoreHealth: Sendable {
    /// The database as last found: reachable, or lost since an instant, with the error's sentence.
    public enum State: Equatable, Sendable {
        case up
        case lost(since: Instant, reason: String)
    }

    private let state = Mutex<State>(.up)
    private let logger: Logger

    /// `logger` gets one line when the database is found lost and one when it answers again.
    public init(logger: Logger = Logger(label: "crescendo.health")) { self.logger = logger }

    public var current: State { state.withLock { $0 } }

    /// Whether the database was last found lost.
    public var isLost: Bool { if case .lost = current { return true } else { return false } }

    /// Notes an error met at `now`; returns true when it is the one that marked the database lost
    /// (other errors, about a request or the ledger itself, change nothing).
    @discardableResult
    public func note(_ error: any Error, at now: Instant) -> Bool {
        guard let reason = Self.unavailability(error) else { return false }
        let changed = state.withLock { s in
            if case .lost = s { return false }
            s = .lost(since: now, reason: reason)
            return true
        }
        if changed { logger.error("\(reason); refusing writes with 503 until it answers again") }
        return changed
    }

    /// Notes that the store answered at `now`; returns true when the database was lost until then.
    @discardableResult
    public func noteReachable(at now: Instant) -> Bool {
        let left = state.withLock { s -> State in
            defer { s = .up }
            return s
        }
        guard case .lost(let since, _) = left else { return false }
        logger.notice("the ledger database answers again after \(now.seconds - since.seconds) s; resuming")
        return true
    }

    /// Notes the error a background round (a scheduler step, a dispatcher round, a lease
    /// renewal) ended with. Returns true when it is the database being unreachable (logged once
    /// here, so the caller need not).
    @discardableResult
    public func noteRound(_ error: any Error, at now: Instant) -> Bool {
        note(error, at: now)
        return Self.unavailability(error) != nil
    }

    /// The sentence of an error that says the database cannot be reached; nil for any other.
    public static func unavailability(_ error: any Error) -> String? {
        guard let e = error as? StoreError, case .unavailable = e else { return nil }
        return e.description
    }
}
