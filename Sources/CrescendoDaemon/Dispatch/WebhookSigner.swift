import Crypto
import Foundation

/// Signs webhook deliveries with the Standard Webhooks headers: `webhook-id` (the action's
/// id), `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` and the base64
/// HMAC-SHA256 of `ID.TIMESTAMP.BODY`).
///
/// The key: a secret written `whsec_` + base64 (as Standard Webhooks libraries make and read
/// them) is keyed with its decoded bytes, so any such verifier given the same secret accepts the
/// signature; any other secret is keyed with its own UTF-8 bytes (version-2.md's "the
/// secret's bytes"; give a verifier those bytes).
public struct WebhookSigner: Sendable {
    let key: SymmetricKey

    /// Nil for an empty secret, or a `whsec_` secret whose rest is not base64.
    public init?(secret: String) {
        let bytes: Data
        if secret.hasPrefix("whsec_") {
            var b64 = String(secret.dropFirst(6))
            while b64.count % 4 != 0 { b64 += "=" }
            guard let decoded = Data(base64Encoded: b64) else { return nil }
            bytes = decoded
        } else {
            bytes = Data(secret.utf8)
        }
        guard !bytes.isEmpty else { return nil }
        key = SymmetricKey(data: bytes)
    }

    /// The three headers for one delivery.
    public func headers(id: String, timestamp: Int64, body: String) -> [(String, String)] {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: key)
        return [("webhook-id", id), ("webhook-timestamp", String(timestamp)), ("webhook-signature", "v1," + Data(mac).base64EncodedString())]
    }
}
