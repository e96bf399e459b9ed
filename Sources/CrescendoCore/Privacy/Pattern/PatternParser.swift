/// Reads a pattern into a `PatternNode`: literals and escapes, `.`, classes `[...]` with
/// ranges and `\d \w \s` (and their negations), groups `(...)`, `(?:...)`, `(?<name>...)`,
/// alternation, the quantifiers `* + ? {n} {n,} {n,m}` (lazy with a trailing `?`), the anchors
/// `^ $ \A \z \Z \b \B`, one-scalar look-around `(?=X)`, `(?!X)`, `(?<=X)`, `(?<!X)` (X one
/// atom, or an atom or `$`/`^`), and a leading `(?i)`.
///
/// Everything else is refused with a `PatternError` naming it: backreferences, possessive and
/// atomic forms, longer look-around, Unicode properties, inline flags elsewhere.
struct PatternParser {
    /// The largest count a `{n,m}` may give.
    static let maxCount = 1000

    private let s: [Unicode.Scalar]
    private var i = 0
    private(set) var caseless = false

    init(_ pattern: String) { s = Array(pattern.unicodeScalars) }

    /// The whole pattern.
    mutating func parse() throws -> PatternNode {
        if s.starts(with: Array("(?i)".unicodeScalars)) { caseless = true; i = 4 }
        let node = try alternation()
        if i < s.count { throw PatternError("unbalanced \")\"", at: i) }
        return node
    }

    private var atEnd: Bool { i >= s.count }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    private mutating func alternation() throws -> PatternNode {
        var branches = [try sequence()]
        while peek() == "|" { i += 1; branches.append(try sequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws -> PatternNode {
        var items: [PatternNode] = []
        while let c = peek(), c != "|", c != ")" {
            let start = i
            var node = try atom()
            while let q = try quantifier() {
                if case .assertion = node { throw PatternError("a quantifier after an anchor or look-around repeats nothing", at: start) }
                node = .repetition(node, min: q.min, max: q.max, greedy: q.greedy)
            }
            items.append(node)
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func quantifier() throws -> (min: Int, max: Int?, greedy: Bool)? {
        guard let c = peek() else { return nil }
        let start = i
        var q: (min: Int, max: Int?)
        switch c {
        case "*": q = (0, nil); i += 1
        case "+": q = (1, nil); i += 1
        case "?": q = (0, 1); i += 1
        case "{":
            guard let counted = try counts() else { return nil }
            q = counted
        default: return nil
        }
        var greedy = true
        if peek() == "?" { greedy = false; i += 1 } else if peek() == "+" {
            throw PatternError("possessive quantifiers (*+, ++, ?+) are not supported", at: start)
        }
        return (q.min, q.max, greedy)
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (and a literal `{`) when what follows is not a count.
    private mutating func counts() throws -> (min: Int, max: Int?)? {
        let start = i
        var j = i + 1
        func number() -> Int? {
            var n: Int?
            while j < s.count, let d = s[j].properties.numericType == .decimal && s[j].isASCII ? Int(s[j].value) - 48 : nil {
                n = min((n ?? 0) * 10 + d, Self.maxCount + 1); j += 1
            }
            return n
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if j < s.count, s[j] == "," { j += 1; high = number() }
        guard j < s.count, s[j] == "}" else { return nil }
        i = j + 1
        if low > Self.maxCount || (high ?? 0) > Self.maxCount {
            throw PatternError("a count over \(Self.maxCount) is not supported", at: start)
        }
        if let high, high < low { throw PatternError("{\(low),\(high)}: the largest count is below the smallest", at: start) }
        return (low, high)
    }

    private mutating func atom() throws -> PatternNode {
        let start = i
        let c = s[i]
        i += 1
        switch c {
        case ".": return .scalar(.dot)
        case "^": return .assertion(.start)
        case "$": return .assertion(.end(beforeFinalNewline: true))
        case "[": return .scalar(try charClass(start: start))
        case "(": return try group(start: start)
        case "\\": return try escape(start: start, inClass: false)
        case "*", "+", "?": throw PatternError("\"\(c)\" has nothing to repeat", at: start)
        default: return .scalar(.single(c))
        }
    }

    private mutating func group(start: Int) throws -> PatternNode {
        if peek() == "?" {
            i += 1
            switch (peek(), peek(1)) {
            case (":", _): i += 1
            case ("=", _), ("!", _):
                let negated = peek() == "!"
                i += 1
                let (set, anchor) = try lookaround(start: start, anchor: "$")
                return .assertion(.ahead(set, orEnd: anchor, negated: negated))
            case ("<", "="), ("<", "!"):
                let negated = peek(1) == "!"
                i += 2
                let (set, anchor) = try lookaround(start: start, anchor: "^")
                return .assertion(.behind(set, orStart: anchor, negated: negated))
            case ("<", _), ("P", "<"):
                // A named group, read as a plain group.
                while let c = peek(), c != ">" { i += 1 }
                guard peek() == ">" else { throw PatternError("a group name is not closed with \">\"", at: start) }
                i += 1
            case (">", _): throw PatternError("atomic groups (?>...) are not supported", at: start)
            default: throw PatternError("inline flags and special groups other than a leading (?i), (?:...), (?<name>...) and one-character look-around are not supported", at: start)
            }
        }
        let inner = try alternation()
        guard peek() == ")" else { throw PatternError("a group is not closed with \")\"", at: start) }
        i += 1
        return inner
    }

    /// The inside of a look-around: one atom, or one atom and the anchor, in either order.
    private mutating func lookaround(start: Int, anchor: Unicode.Scalar) throws -> (ScalarSet?, Bool) {
        var set: ScalarSet?
        var sawAnchor = false
        while true {
            if peek() == anchor { i += 1; sawAnchor = true } else {
                guard !atEnd, peek() != ")", peek() != "|" else { break }
                let at = i
                let node = try atom()
                guard case .scalar(let one) = node, set == nil else {
                    throw PatternError("look-around may hold only one character, class or anchor (as (?![\\w])), so that it runs in linear time", at: at)
                }
                if let q = peek(), "*+?{".unicodeScalars.contains(q) {
                    throw PatternError("look-around may hold only one character, class or anchor, without a quantifier", at: i)
                }
                set = one
            }
            guard peek() == "|" else { break }
            i += 1
        }
        guard peek() == ")" else { throw PatternError("look-around may hold only one character, class or anchor, and must be closed with \")\"", at: start) }
        i += 1
        return (set, sawAnchor)
    }

    private mutating func escape(start: Int, inClass: Bool) throws -> PatternNode {
        guard let c = peek() else { throw PatternError("the pattern ends with a lone \"\\\"", at: start) }
        i += 1
        switch c {
        case "d": return .scalar(.named(.digit, negated: false))
        case "D": return .scalar(.named(.digit, negated: true))
        case "w": return .scalar(.named(.word, negated: false))
        case "W": return .scalar(.named(.word, negated: true))
        case "s": return .scalar(.named(.space, negated: false))
        case "S": return .scalar(.named(.space, negated: true))
        case "t": return .scalar(.single("\t"))
        case "n": return .scalar(.single("\n"))
        case "r": return .scalar(.single("\r"))
        case "f": return .scalar(.single("\u{0C}"))
        case "v": return .scalar(.single("\u{0B}"))
        case "e": return .scalar(.single("\u{1B}"))
        case "a": return .scalar(.single("\u{07}"))
        case "x", "u": return .scalar(.single(try hex(start: start, digits: c == "x" ? 2 : 4)))
        case "b" where !inClass: return .assertion(.wordBoundary(negated: false))
        case "B" where !inClass: return .assertion(.wordBoundary(negated: true))
        case "A" where !inClass: return .assertion(.start)
        case "z" where !inClass: return .assertion(.end(beforeFinalNewline: false))
        case "Z" where !inClass: return .assertion(.end(beforeFinalNewline: true))
        case "1"..."9", "k":
            throw PatternError("backreferences (\\1, \\k<name>) cannot run in linear time", at: start)
        case "p", "P", "Q", "E", "G", "X", "R", "N", "h", "H", "c", "0":
            throw PatternError("\\\(c) is not supported; write the characters or a class instead", at: start)
        default:
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                throw PatternError("\\\(c) is not a known escape", at: start)
            }
            return .scalar(.single(c))
        }
    }

    private mutating func hex(start: Int, digits: Int) throws -> Unicode.Scalar {
        var value: UInt32 = 0
        if peek() == "{" {
            i += 1
            while let c = peek(), c != "}", let d = Int(String(c), radix: 16) { value = value &* 16 &+ UInt32(d); i += 1 }
            guard peek() == "}" else { throw PatternError("\\x{...} is not closed", at: start) }
            i += 1
        } else {
            for _ in 0..<digits {
                guard let c = peek(), let d = Int(String(c), radix: 16) else { throw PatternError("\\x and \\u need \(digits) hex digits", at: start) }
                value = value * 16 + UInt32(d); i += 1
            }
        }
        guard let scalar = Unicode.Scalar(value) else { throw PatternError("U+\(String(value, radix: 16)) is not a character", at: start) }
        return scalar
    }

    private mutating func charClass(start: Int) throws -> ScalarSet {
        var set = ScalarSet()
        if peek() == "^" { set.negated = true; i += 1 }
        var first = true
        while true {
            guard let c = peek() else { throw PatternError("a class [...] is not closed with \"]\"", at: start) }
            if c == "]" && !first { i += 1; return set }
            first = false
            if c == "[" { throw PatternError("nested classes and [:name:] are not supported; escape a literal [ as \\[", at: i) }
            let itemStart = i
            guard let low = try classMember(start: itemStart, into: &set) else { continue }
            if peek() == "-", let next = peek(1), next != "]" {
                i += 1
                let at = i
                guard let high = try classMember(start: at, into: &set) else {
                    throw PatternError("a range's end must be one character", at: at)
                }
                guard low.value <= high.value else { throw PatternError("the range \(low)-\(high) is backwards", at: itemStart) }
                set.ranges.append(low.value...high.value)
            } else {
                set.ranges.append(low.value...low.value)
            }
        }
    }

    /// One member of a class: a character (returned), or a named class (added to `set`, nil).
    private mutating func classMember(start: Int, into set: inout ScalarSet) throws -> Unicode.Scalar? {
        let c = s[i]
        i += 1
        guard c == "\\" else { return c }
        guard case .scalar(let one) = try escape(start: start, inClass: true) else { return nil }
        if one.ranges.count == 1, one.named.isEmpty, !one.negated, one.ranges[0].lowerBound == one.ranges[0].upperBound {
            return Unicode.Scalar(one.ranges[0].lowerBound)
        }
        set.named.append(contentsOf: one.named)
        return nil
    }
}
