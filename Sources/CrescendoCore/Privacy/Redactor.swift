import Foundation

/// Removes personal details from free text (`care`, `cause`, `change`) before it is recorded.
///
/// Applies the campaign's `privacy.redact` regular expressions and the built-in e-mail and
/// phone-number patterns, replacing each match with `[redacted]`. Only the number of
/// redactions is reported, never what was removed.
public struct Redactor: @unchecked Sendable {
    /// The text put in place of every match.
    public static let replacement = "[redacted]"

    /// E-mail addresses.
    static let emailPattern = #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#
    /// Runs of digits with phone separators; a run counts as a phone number when it holds at
    /// least 7 digits and is not an ISO date.
    static let phoneCandidatePattern = #"(?<![\w.])\+?\(?\d[\d\s().-]{5,}\d(?![\w])"#

    private let campaignPatterns: [NSRegularExpression]
    private let email: NSRegularExpression
    private let phone: NSRegularExpression
    private let isoDate: NSRegularExpression

    /// Compiles the campaign's patterns; throws `RedactorError` naming a pattern that does not compile.
    public init(patterns: [String] = []) throws {
        campaignPatterns = try patterns.map { p in
            do { return try NSRegularExpression(pattern: p) } catch {
                throw RedactorError(pattern: p)
            }
        }
        email = try NSRegularExpression(pattern: Self.emailPattern)
        phone = try NSRegularExpression(pattern: Self.phoneCandidatePattern)
        isoDate = try NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}$"#)
    }

    /// The redactor for a campaign's `privacy.redact`.
    public init(campaign: Campaign) throws { try self.init(patterns: campaign.privacy.redact) }

    /// The text with every match replaced, and the number of replacements.
    public func redact(_ text: String) -> (text: String, count: Int) {
        var out = text
        var count = 0
        for re in campaignPatterns + [email] {
            let range = NSRange(out.startIndex..., in: out)
            let n = re.numberOfMatches(in: out, range: range)
            if n > 0 {
                count += n
                out = re.stringByReplacingMatches(in: out, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: Self.replacement))
            }
        }
        let phones = phone.matches(in: out, range: NSRange(out.startIndex..., in: out)).filter { m in
            guard let r = Range(m.range, in: out) else { return false }
            let candidate = String(out[r]).trimmingCharacters(in: .whitespaces)
            let digits = candidate.filter(\.isASCIIDigitCharacter).count
            return digits >= 7 && digits <= 15
                && isoDate.firstMatch(in: candidate, range: NSRange(candidate.startIndex..., in: candidate)) == nil
        }
        for m in phones.reversed() {
            guard let r = Range(m.range, in: out) else { continue }
            out.replaceSubrange(r, with: Self.replacement)
            count += 1
        }
        return (out, count)
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
