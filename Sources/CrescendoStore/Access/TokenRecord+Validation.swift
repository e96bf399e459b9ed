import CrescendoCore
import Foundation

/// What `crescendo token add` and the web app's admin page both check before adding a token.
extension TokenRecord {
    /// The names the daemon and the audit log use for callers that are not a token.
    public static let reservedNames: Set<String> = ["cli", "anonymous", "CRESCENDO_TOKEN"]

    /// Why `name` cannot name a token (it must be 1 to 64 letters, digits or `. _ - @`, and not
    /// reserved), or nil when it can.
    public static func nameProblem(_ name: String) -> String? {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            return "a name is 1 to 64 letters, digits or . _ - @, not \"\(name)\""
        }
        if reservedNames.contains(name) { return "\(name) is reserved; choose another" }
        return nil
    }

    /// When a token given `text` stops working: a date (through its end, UTC), a date-time
    /// (UTC unless it has an offset) or a duration from `now` (30d, 12h, P90D); nil when it
    /// is none of these.
    public static func expiry(_ text: String, from now: Instant) -> Instant? {
        if let span = TimeParsing.duration(text) { return Instant(seconds: now.seconds + span.seconds) }
        if let date = TimeParsing.date(text) { return Zone.utc.instant(date.adding(days: 1)) }
        return TimeParsing.instant(text, zone: .utc)
    }
}
