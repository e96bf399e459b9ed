import Crypto
import Foundation

/// What a web-app session remembers: whose token signed in (its SHA-256, never the token), the
/// CSRF token every form and every session write must carry, and the language chosen.
public struct AppSession: Codable, Sendable, Equatable {
    /// `TokenSecret.hash` of the token that signed in: each request checks it again, so a
    /// revoked or expired token ends its sessions.
    public var tokenHash: String
    /// 32 random bytes, base64url: the hidden `csrf` field of every form, and the
    /// `X-CSRF-Token` header of the offline queue's `POST /api/entries`.
    public var csrf: String
    /// `en`, `fr`, ... once the person chose one (`?lang=fr`).
    public var lang: String?

    public init(tokenHash: String, csrf: String = AppSession.randomToken(), lang: String? = nil) {
        self.tokenHash = tokenHash; self.csrf = csrf; self.lang = lang
    }

    /// 32 random bytes from the system's generator, base64url without padding.
    public static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &g) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether `given` is this session's CSRF token (compared in constant time).
    public func accepts(csrf given: String?) -> Bool {
        guard let given, !given.isEmpty else { return false }
        return TokenBook.equal(given, csrf)
    }
}
