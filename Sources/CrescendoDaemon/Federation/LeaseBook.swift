import CrescendoStore
import Foundation
import Synchronization

/// The campaign leases this daemon holds, as far as it may trust them: each until the
/// monotonic instant its renewal started plus the TTL minus the margin. The scheduler judges a
/// campaign only while `epoch(of:)` gives its epoch; `LeaseService` keeps the book.
public final class LeaseBook: Sendable {
    /// This daemon's id, made at its start (the listening address, the process and a random
    /// part), so a restarted daemon is a new owner and takes leases under a new epoch.
    public let owner: String
    let options: FederationOptions
    private let held = Mutex<[String: (epoch: Int64, trustedUntil: ContinuousClock.Instant)]>([:])

    public init(owner: String, options: FederationOptions) {
        self.owner = owner; self.options = options
    }

    /// A new owner id for a daemon listening on `host:port`.
    public static func newOwner(host: String, port: Int) -> String {
        "\(host):\(port)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The epoch of `campaign`'s lease while this daemon may trust it; nil otherwise.
    public func epoch(of campaign: String) -> Int64? {
        let now = ContinuousClock.now
        return held.withLock { h in h[campaign].flatMap { $0.trustedUntil > now ? $0.epoch : nil } }
    }

    /// Records a lease taken or renewed by a try that began at `start`; returns the epoch held
    /// before (nil when none), so the caller can tell a takeover from a renewal.
    @discardableResult
    func hold(_ campaign: String, epoch: Int64, since start: ContinuousClock.Instant) -> Int64? {
        let until = start + .milliseconds(Int64((options.leaseTTL - options.margin) * 1000))
        return held.withLock { h in
            let before = h[campaign]?.epoch
            h[campaign] = (epoch, until)
            return before
        }
    }

    /// Forgets a lease (lost, or refused); returns whether one was held.
    @discardableResult
    func drop(_ campaign: String) -> Bool {
        held.withLock { $0.removeValue(forKey: campaign) != nil }
    }

    /// The campaigns held, trusted or not.
    var campaigns: Set<String> { held.withLock { Set($0.keys) } }
}
