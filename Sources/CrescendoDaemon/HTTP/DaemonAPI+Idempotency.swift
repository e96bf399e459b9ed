import CrescendoCore
import CrescendoStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Retry-safe writes (IETF draft "The Idempotency-Key HTTP Header Field", as Stripe does it):
/// the same key with the same body gives the first response again, status and body, and
/// writes nothing; the same key with another body (or route) is 422 naming the header; a key
/// whose first request is still being written is 409. Keys are scoped to the token.
extension DaemonAPI {
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    /// Set on a replayed response (as Stripe does).
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!
    /// Stripe's limit; a longer key is 422.
    static let maxKeyLength = 255

    /// Runs `write` under the request's key, if it has one: replays a claimed key, refuses a
    /// reused or busy one, and otherwise hands `write` the claim to store with its facts.
    func idempotent(_ request: Request, _ caller: Caller, body: ByteBuffer,
                    _ write: (IdempotencyClaim?) async throws -> WriteResult) async throws -> WriteResult {
        try await idempotent(key: request.headers[Self.idempotencyHeader], what: RefusalAudit.what(request), caller, body: body, write)
    }

    /// The same for a write whose key and route come from elsewhere (the web app's forms carry
    /// their key in a hidden field); `what` is `METHOD /path`, part of the fingerprint.
    func idempotent(key: String?, what: String, _ caller: Caller, body: ByteBuffer,
                    _ write: (IdempotencyClaim?) async throws -> WriteResult) async throws -> WriteResult {
        guard let key else { return try await write(nil) }
        guard !key.isEmpty, key.count <= Self.maxKeyLength, key.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw APIError(.unprocessableContent, "Idempotency-Key must be 1 to \(Self.maxKeyLength) printable ASCII characters",
                           field: "Idempotency-Key")
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(what)\n".utf8))
        hasher.update(data: Data(body.readableBytesView))
        let fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let claim = IdempotencyClaim(scope: caller.name, key: key, fingerprint: fingerprint)
        if let first = try await store.idempotencyRecord(scope: claim.scope, key: claim.key) {
            return try replay(first, claim, what, caller)
        }
        guard await gate.enter(claim) else {
            throw APIError(.conflict, "a request with this Idempotency-Key is still being recorded; retry it in a moment",
                           field: "Idempotency-Key")
        }
        do {
            let result = try await write(claim)
            await gate.leave(claim)
            return result
        } catch {
            await gate.leave(claim)
            throw error
        }
    }

    /// The first response under a claimed key, for a request with the same fingerprint.
    func replay(_ first: IdempotencyRecord, _ claim: IdempotencyClaim, _ what: String, _ caller: Caller) throws -> WriteResult {
        guard first.fingerprint == claim.fingerprint else {
            throw APIError(.unprocessableContent,
                           "this Idempotency-Key was used for a different request; use a new key for a new request",
                           field: "Idempotency-Key")
        }
        log.record(AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: what,
                              outcome: first.reply.status, detail: "replayed the first response (Idempotency-Key)"))
        return WriteResult(reply: first.reply, replayed: true)
    }

    /// A write's audit line and key, for its transaction.
    func note(_ what: String, _ caller: Caller, claim: IdempotencyClaim?, outcome: Int, ids: String = "") -> WriteNote {
        WriteNote(audit: AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: what, ids: ids, outcome: outcome),
                  claim: claim)
    }
}
