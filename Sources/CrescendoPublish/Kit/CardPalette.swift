import Foundation

/// The colours of a card or poster from the campaign's one accent colour: the accent itself
/// for bands, text on the accent in white or near-black (whichever contrasts more), and the
/// accent for headings on white only when it is dark enough to read (4.5:1, WCAG AA).
struct CardPalette: Sendable {
    static let ink = "#1b1b1b"
    static let muted = "#4a4a4a"
    static let paper = "#ffffff"
    /// The site's own accent, for a campaign without `brand.color`.
    static let defaultAccent = "#8a1c1c"

    let accent: String
    /// Text drawn on the accent.
    let onAccent: String
    /// Headings and labels drawn on white.
    let heading: String

    init(color: String?) {
        let accent = color ?? Self.defaultAccent
        self.accent = accent
        let light = Self.contrast(accent, Self.paper), dark = Self.contrast(accent, Self.ink)
        onAccent = light >= dark ? Self.paper : Self.ink
        heading = light >= 4.5 ? accent : Self.ink
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return 0 }
        let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
            let v = Double(Int(String(digits[i...i + 1]), radix: 16) ?? 0) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}
