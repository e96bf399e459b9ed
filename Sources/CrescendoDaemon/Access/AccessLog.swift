import CrescendoStore
import Synchronization

/// Audit lines waiting to be written: refusals, replays and reloads, which have no
/// transaction of their own to ride in (a write's own line goes in with its facts).
/// `AccessService` writes them in one transaction every few seconds and at shutdown.
public final class AccessLog: Sendable {
    private let pending = Mutex<[AuditEvent]>([])
    public init() {}

    func record(_ event: AuditEvent) { pending.withLock { $0.append(event) } }

    /// The lines noted since the last call, in order.
    func take() -> [AuditEvent] { pending.withLock { p in defer { p.removeAll() }; return p } }

    /// The most lines kept waiting while the database cannot take them (about 30 MB); past it
    /// the oldest are dropped, and `restore` says how many.
    static let maxPending = 100_000

    /// Puts lines that could not be written back in front of those noted since; returns how
    /// many of the oldest had to be dropped to stay under `maxPending`.
    @discardableResult
    func restore(_ events: [AuditEvent]) -> Int {
        pending.withLock { p in
            p.insert(contentsOf: events, at: 0)
            let over = max(0, p.count - Self.maxPending)
            p.removeFirst(over)
            return over
        }
    }
}
