import CrescendoCore

/// Locale-independent number formatting, so that every machine writes the same bytes.
enum Format {
    /// `1234567` as `1,234,567`.
    static func integer(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A quantity with its whole part grouped: `12,500.5`.
    static func quantity(_ q: Quantity) -> String {
        let whole = q.milli / 1000
        let s = q.description
        guard let dot = s.firstIndex(of: ".") else { return integer(whole) }
        return (q.milli < 0 && whole == 0 ? "-" : "") + integer(whole) + String(s[dot...])
    }

    /// A coordinate with one decimal: `12.3`, `-4.0`.
    static func coordinate(_ x: Double) -> String {
        let tenths = Int64((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// "1 day", "12 days".
    static func plural(_ n: Int64, _ word: String) -> String { "\(integer(n)) \(word)\(n == 1 ? "" : "s")" }
}
