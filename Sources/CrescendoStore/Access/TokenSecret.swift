import Crypto
import Foundation

/// New tokens and their stored form.
///
/// A token is 32 random bytes from the system's generator, written as `cr_` and 43 base64url
/// characters. The store keeps only its SHA-256 (hex): a token is high-entropy random, so a
/// fast hash is enough (no guessing attack on 256 random bits is helped by a slow one), and
/// lookup by hash is one indexed read. A password would need a slow, salted hash; these are
/// not passwords.
public enum TokenSecret {
    /// A new random token.
    public static func generate() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &g) }
        let b64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "cr_" + b64
    }

    /// The hex SHA-256 of a token, as stored and looked up.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
