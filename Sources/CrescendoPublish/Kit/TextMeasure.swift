/// How wide text is in DejaVu Sans, the font the cards name and Debian's rsvg-convert draws
/// them with: from the font's own advance widths (`DejaVuWidths`) for Latin text and
/// punctuation, and cautious guesses for the rest (wide for East Asian scripts and emoji,
/// zero for combining marks). Pure, so a card's line breaks are the same on every machine.
enum TextMeasure {
    /// The width of `text` in pixels at `size` pixels, regular or bold.
    static func width<S: StringProtocol>(_ text: S, size: Double, bold: Bool) -> Double {
        var thousandths = 0
        for u in text.unicodeScalars { thousandths += advance(u, bold: bold) }
        return Double(thousandths) * size / 1000
    }

    /// One scalar's advance in thousandths of an em.
    static func advance(_ u: Unicode.Scalar, bold: Bool) -> Int {
        var offset = 0
        for range in DejaVuWidths.ranges {
            if range.contains(u.value) {
                let w = Int((bold ? DejaVuWidths.bold : DejaVuWidths.regular)[offset + Int(u.value - range.lowerBound)])
                return w > 0 ? w : fallback(u, bold: bold)
            }
            offset += range.count
        }
        return fallback(u, bold: bold)
    }

    private static func fallback(_ u: Unicode.Scalar, bold: Bool) -> Int {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if u.properties.isEmojiPresentation || isWide(u.value) { return 1000 }
        return bold ? 720 : 660
    }

    /// East Asian wide and fullwidth ranges (Hangul, CJK, kana, fullwidth forms, ...).
    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || v >= 0x20000
    }
}
