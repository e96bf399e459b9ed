import CrescendoCore
import CrescendoStore
import Synchronization

/// Tells a token's caller: the daemon's own token (an admin), or a person's token from the
/// store, looked up by its SHA-256 and remembered for `cacheSeconds` (so a revoke or a new
/// token made by `crescendo token` takes effect within that time), refused when unknown,
/// revoked or expired.
///
/// It notes when each token was used, in memory; `AccessService` writes the notes every few
/// seconds, so last-used times cost no write per request.
public final class TokenBook: Sendable {
    /// Why a token opens nothing.
    public enum Refusal: Error, Equatable { case unknown, revoked, expired }

    private struct Cached { var record: TokenRecord?; var fetchedAt: Instant }

    private let store: any AccessStore
    private let daemonTokenHash: String?
    private let cacheSeconds: Int64
    private let cache = Mutex<[String: Cached]>([:])
    private let uses = Mutex<[String: Instant]>([:])

    /// `daemonToken` is `CRESCENDO_TOKEN` (or `--token-file`'s), an admin token.
    public init(store: any AccessStore, daemonToken: String?, cacheSeconds: Int64 = 1) {
        self.store = store
        daemonTokenHash = daemonToken.map(TokenSecret.hash)
        self.cacheSeconds = cacheSeconds
    }

    /// Whether the daemon has a token of its own.
    public var hasDaemonToken: Bool { daemonTokenHash != nil }

    /// The caller this token stands for at `now`, or the refusal.
    public func caller(token: String, now: Instant) async throws -> Result<Caller, Refusal> {
        try await caller(hash: TokenSecret.hash(token), now: now)
    }

    /// The caller of the token with this hash at `now` (a web-app session keeps the hash, so a
    /// revoked or expired token ends its sessions too), or the refusal.
    public func caller(hash: String, now: Instant) async throws -> Result<Caller, Refusal> {
        if let daemonTokenHash, Self.equal(hash, daemonTokenHash) {
            return .success(Caller(name: Caller.daemonTokenName, role: .admin))
        }
        let record: TokenRecord?
        if let hit = cache.withLock({ $0[hash] }), now.seconds - hit.fetchedAt.seconds < cacheSeconds {
            record = hit.record
        } else {
            record = try await store.token(hash: hash)
            cache.withLock { c in
                if c.count > 10_000 { c.removeAll() }
                c[hash] = Cached(record: record, fetchedAt: now)
            }
        }
        guard let record else { return .failure(.unknown) }
        switch record.refusal(at: now) {
        case "revoked"?: return .failure(.revoked)
        case "expired"?: return .failure(.expired)
        default:
            uses.withLock { $0[record.name] = now }
            return .success(Caller(name: record.name, role: record.role))
        }
    }

    /// The uses noted since the last call, name to time.
    func takeUses() -> [String: Instant] { uses.withLock { u in defer { u.removeAll() }; return u } }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
