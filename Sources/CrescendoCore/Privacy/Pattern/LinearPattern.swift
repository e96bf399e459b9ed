/// A regular expression that runs in time linear in the text it reads: Crescendo's own
/// matcher for `privacy.redact` patterns and the built-in detectors, because a backtracking
/// engine (NSRegularExpression, ICU) can take time growing with the square of the text, or
/// exponentially, and free text comes from anyone who can record an entry.
///
/// The syntax is the subset of ICU's that campaigns need (`PatternParser` lists it); matches
/// are the ones ICU finds (leftmost, then the first alternative, greedy or lazy as written),
/// checked against NSRegularExpression by the property tests. A text of n characters costs
/// O(n × m) steps for a program of m instructions, however many matches it holds.
public struct LinearPattern: Sendable {
    /// The pattern as written.
    public let source: String
    let program: PatternProgram
    let tree: PatternNode

    /// Parses and compiles `pattern`; throws `PatternError` naming what the engine cannot run.
    public init(_ pattern: String) throws {
        var parser = PatternParser(pattern)
        tree = try parser.parse()
        program = try PatternProgram(tree, caseless: parser.caseless)
        source = pattern
    }

    /// Whether the pattern can match the empty text (a redaction pattern must not: it would
    /// put `[redacted]` between every two characters).
    public var matchesEmpty: Bool { tree.matchesEmpty }

    /// Every non-overlapping, non-empty match in `text`, leftmost first, as offsets in its
    /// Unicode scalars.
    public func matches(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var vm = PikeVM(program, text: text)
        return vm.matches()
    }

    /// Whether some part of `text` matches.
    public func occurs(in text: String) -> Bool { !matches(in: Array(text.unicodeScalars)).isEmpty }

    /// `text` with every match replaced by `replacement`, and how many there were.
    public func replacing(in text: String, with replacement: String) -> (text: String, count: Int) {
        let scalars = Array(text.unicodeScalars)
        let found = matches(in: scalars)
        guard !found.isEmpty else { return (text, 0) }
        var out = String.UnicodeScalarView()
        var at = 0
        for m in found {
            out.append(contentsOf: scalars[at..<m.lowerBound])
            out.append(contentsOf: replacement.unicodeScalars)
            at = m.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return (String(out), found.count)
    }
}
