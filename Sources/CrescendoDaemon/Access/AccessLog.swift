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

    /// Puts lines that could not be written back in front of those noted since.
    func restore(_ events: [AuditEvent]) { pending.withLock { $0.insert(contentsOf: events, at: 0) } }
}
