/// A set of Unicode scalars a pattern atom accepts: `a`, `[a-z_]`, `\d`, `.`, `[^\s]`.
struct ScalarSet: Sendable, Equatable {
    /// A named class (`\d`, `\w`, `\s`) as Foundation's regular expressions read them.
    enum Named: Sendable, Equatable {
        case digit, word, space

        func contains(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII {
                let v = c.value
                switch self {
                case .digit: return v >= 48 && v <= 57
                case .word: return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
                // ICU's \s: [\t\n\f\r\p{Z}]
                case .space: return v == 32 || v == 9 || v == 10 || v == 12 || v == 13
                }
            }
            switch self {
            case .digit: return c.properties.numericType == .decimal
            case .word: return c == "_" || c.properties.isAlphabetic || c.properties.numericType == .decimal
                || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .connectorPunctuation
            case .space: return c.properties.isWhitespace
            }
        }
    }

    /// Inclusive ranges of scalar values.
    var ranges: [ClosedRange<UInt32>] = []
    /// Named classes, each possibly negated (`\D` is `(.digit, true)`).
    var named: [(Named, Bool)] = []
    var negated = false

    static func == (a: ScalarSet, b: ScalarSet) -> Bool {
        a.ranges == b.ranges && a.negated == b.negated && a.named.count == b.named.count
            && zip(a.named, b.named).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func single(_ c: Unicode.Scalar) -> ScalarSet { ScalarSet(ranges: [c.value...c.value]) }
    static func named(_ n: Named, negated: Bool) -> ScalarSet { ScalarSet(named: [(n, negated)]) }
    /// `.`: anything but a line break.
    static let dot = ScalarSet(ranges: [0x0A...0x0A, 0x0D...0x0D], negated: true)

    /// Whether `c` is in the set; with `caseless`, its other case counts too.
    func contains(_ c: Unicode.Scalar, caseless: Bool) -> Bool {
        if rawContains(c) != negated { return true }
        guard caseless else { return false }
        for other in [c.properties.lowercaseMapping, c.properties.uppercaseMapping] {
            let scalars = other.unicodeScalars
            if scalars.count == 1, let o = scalars.first, o != c, rawContains(o) != negated { return true }
        }
        return false
    }

    private func rawContains(_ c: Unicode.Scalar) -> Bool {
        for r in ranges where r.contains(c.value) { return true }
        for (n, neg) in named where n.contains(c) != neg { return true }
        return false
    }
}
