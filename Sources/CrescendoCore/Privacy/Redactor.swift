/// Removes personal details from free text (`care`, `cause`, `change`) before it is recorded.
///
/// Applies the campaign's `privacy.redact` patterns and the built-in e-mail and phone-number
/// detectors, replacing each match with `[redacted]`. Only the number of redactions is
/// reported, never what was removed. Every pattern runs on `LinearPattern`, so redaction takes
/// time linear in the text, whatever the text (no backtracking engine reads user text).
public struct Redactor: Sendable {
    /// The text put in place of every match.
    public static let replacement = "[redacted]"

    /// E-mail addresses.
    static let emailPattern = #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#
    /// Runs of digits with phone separators; a run counts as a phone number when it holds at
    /// least 7 digits and is not an ISO date.
    static let phoneCandidatePattern = #"(?<![\w.])\+?\(?\d[\d\s().-]{5,}\d(?![\w])"#

    private let campaignPatterns: [LinearPattern]
    private let email: LinearPattern
    private let phone: LinearPattern

    /// Compiles the campaign's patterns; throws `RedactorError` naming a pattern the linear
    /// engine cannot run (`crescendo check` reports the same, with its position).
    public init(patterns: [String] = []) throws {
        campaignPatterns = try patterns.map { p in
            do { return try LinearPattern(p) } catch let e as PatternError {
                throw RedactorError(pattern: p, reason: e.description)
            }
        }
        email = try LinearPattern(Self.emailPattern)
        phone = try LinearPattern(Self.phoneCandidatePattern)
    }

    /// The redactor for a campaign's `privacy.redact`.
    public init(campaign: Campaign) throws { try self.init(patterns: campaign.privacy.redact) }

    /// The text with every match replaced, and the number of replacements.
    public func redact(_ text: String) -> (text: String, count: Int) {
        var out = text
        var count = 0
        for pattern in campaignPatterns + [email] {
            let r = pattern.replacing(in: out, with: Self.replacement)
            out = r.text
            count += r.count
        }
        var scalars = Array(out.unicodeScalars)
        let phones = phone.matches(in: scalars).filter { Self.isPhoneNumber(scalars[$0]) }
        for m in phones.reversed() { scalars.replaceSubrange(m, with: Self.replacement.unicodeScalars) }
        if !phones.isEmpty { out = String(String.UnicodeScalarView(scalars)) }
        return (out, count + phones.count)
    }

    /// A phone candidate with 7 to 15 digits that is not an ISO date (`2027-01-04`).
    static func isPhoneNumber(_ candidate: ArraySlice<Unicode.Scalar>) -> Bool {
        let trimmed = candidate.drop(while: \.properties.isWhitespace).reversed().drop(while: \.properties.isWhitespace).reversed()
        let digits = trimmed.filter { $0.isASCII && $0.properties.numericType == .decimal }.count
        guard digits >= 7, digits <= 15 else { return false }
        let isoShape = trimmed.count == 10 && trimmed.enumerated().allSatisfy { k, c in
            k == 4 || k == 7 ? c == "-" : c.properties.numericType == .decimal
        }
        return !isoShape
    }

    /// Redacts the entry's free text; returns the number of redactions.
    public func redact(_ entry: inout LedgerEntry) -> Int {
        var total = 0
        for path in [\LedgerEntry.care, \LedgerEntry.cause, \LedgerEntry.change] {
            guard let text = entry[keyPath: path] else { continue }
            let r = redact(text)
            if r.count > 0 { entry[keyPath: path] = r.text; total += r.count }
        }
        return total
    }
}
