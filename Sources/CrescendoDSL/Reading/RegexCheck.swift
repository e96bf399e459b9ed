import Foundation

/// Whether a `privacy.redact` pattern compiles as the recorder will compile it.
enum RegexCheck {
    static func compiles(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }
}
