import CrescendoCore
import CrescendoStore
import Crypto
import Foundation
import Hummingbird

/// hummingbird-auth's session storage on the store seam: sessions live in the ledger database
/// (`app_sessions`), so every daemon sharing one ledger accepts every session, and a restart
/// signs nobody out. The key stored is the SHA-256 of hummingbird-auth's key (which holds the
/// cookie's random id), so the table holds nothing a cookie could be made from. Expiry is the
/// daemon's clock; `AccessService` prunes expired sessions.
public struct SessionStoreDriver: PersistDriver {
    let store: any AccessStore
    let clock: any DaemonClock

    public init(store: any AccessStore, clock: any DaemonClock) { self.store = store; self.clock = clock }

    static func storedKey(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private func expiry(_ expires: Duration?) -> Instant? {
        expires.map { Instant(seconds: clock.now().seconds + $0.components.seconds) }
    }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        if try await store.session(key: Self.storedKey(key), now: clock.now()) != nil { throw PersistError.duplicate }
        try await set(key: key, value: value, expires: expires)
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try await store.putSession(key: Self.storedKey(key), value: json, expiresAt: expiry(expires))
    }

    public func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let now = clock.now()
        guard let stored = try await store.session(key: Self.storedKey(key), now: now) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(stored.value.utf8)) else { throw PersistError.invalidConversion }
        return (object, stored.expiresAt.map { .seconds($0.seconds - now.seconds) })
    }

    public func remove(key: String) async throws {
        try await store.removeSession(key: Self.storedKey(key))
    }
}
