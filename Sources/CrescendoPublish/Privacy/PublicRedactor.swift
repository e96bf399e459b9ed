import Foundation
import CrescendoCore

/// The second line of defence: every piece of free text is redacted again when it is
/// published, with the campaign's `privacy.redact` patterns, the Core redactor's e-mail and
/// phone-number patterns, and patterns for street addresses and titled names.
///
/// Names without a title ("Dr.", "Mrs.", ...) cannot be told from other words; a campaign
/// lists the ones it knows in `privacy.redact`. When the campaign's patterns do not compile,
/// no free text is published at all.
public struct PublicRedactor: Sendable {
    /// A street name with a street-type suffix, with or without a house number: `42 Queen
    /// Street West`, `on Queen St`, `12 rue Saint-Denis`.
    static let streetPattern = #"(?:\b\d{1,5}[A-Za-z]?,?\s+)?(?:\b[A-Z][\w'’-]*\.?\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Way|Court|Ct|Place|Pl|Crescent|Cres|Terrace|Square|Sq|Parkway|Pkwy|Highway|Hwy|Trail|Circle)\b\.?(?:\s+(?:East|West|North|South|E|W|N|S)\b)?"#
    /// A house number and street, in French: `12 rue Saint-Denis`, `5, avenue du Parc`.
    static let frenchStreetPattern = #"\b\d{1,5}[A-Za-z]?,?\s+(?:rue|avenue|boulevard|chemin|place|allée|impasse)\s+[\w'’ -]{1,40}?(?=[,.;]|$)"#
    /// A titled name: `Dr. Anna Kowalski`, `Mrs Patel`, `Mme Tremblay`.
    static let titledNamePattern = #"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Mme|Mlle)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"#

    private let redactor: Redactor?

    /// The redactor for a campaign.
    public init(campaign: Campaign) {
        redactor = try? Redactor(patterns: campaign.privacy.redact
                                 + [Self.titledNamePattern, Self.streetPattern, Self.frenchStreetPattern])
    }

    /// The text fit to publish: redacted, or `[withheld]` when the campaign's patterns are invalid.
    public func callAsFunction(_ text: String) -> String {
        guard let redactor else { return "[withheld]" }
        return redactor.redact(text).text
    }

    /// The optional text fit to publish; blank text is nil.
    public func callAsFunction(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return self(text)
    }
}
