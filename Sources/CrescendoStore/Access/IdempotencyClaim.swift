/// An `Idempotency-Key` a write claims: the key within its scope (the token's name: keys of
/// different tokens never meet) and the fingerprint of the request (route and body), so that
/// a retry can be told from a different request under the same key.
public struct IdempotencyClaim: Sendable, Equatable {
    public var scope: String
    public var key: String
    public var fingerprint: String
    public init(scope: String, key: String, fingerprint: String) { self.scope = scope; self.key = key; self.fingerprint = fingerprint }
}
