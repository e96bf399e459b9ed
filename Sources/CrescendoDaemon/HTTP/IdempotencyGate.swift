import CrescendoStore

/// The `Idempotency-Key`s whose first request this daemon is still writing: a second request
/// with the same key meanwhile gets 409 (the IETF draft's "request in progress"), instead of
/// waiting or writing twice. Across daemons the store's own check, inside the write's
/// transaction, keeps a key from being written twice.
actor IdempotencyGate {
    private var inFlight: Set<String> = []

    /// Whether the key was free (it is now taken).
    func enter(_ claim: IdempotencyClaim) -> Bool { inFlight.insert(Self.id(claim)).inserted }

    func leave(_ claim: IdempotencyClaim) { inFlight.remove(Self.id(claim)) }

    private static func id(_ c: IdempotencyClaim) -> String { "\(c.scope)\u{1F}\(c.key)" }
}
