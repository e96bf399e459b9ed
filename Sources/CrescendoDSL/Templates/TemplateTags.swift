/// The variable tags of a Mustache template, with where each starts in the source.
///
/// swift-mustache checks the syntax but keeps its tokens private, so the names are read here:
/// `{{name}}`, `{{{name}}}`, `{{&name}}`, sections `{{#name}}`/`{{^name}}`...`{{/name}}`;
/// comments, partials and set-delimiter tags (`{{=<% %>=}}`) are followed but name no variable.
struct TemplateTags {
    struct Tag {
        /// The first segment of a dotted name (`metrics` for `metrics.label`).
        var name: String
        /// The sections the tag sits in, outermost first.
        var sections: [String]
        /// Offset of the tag's opening delimiter, in Unicode scalars.
        var offset: Int
    }

    private(set) var tags: [Tag] = []

    init(_ source: String) {
        let s = Array(source.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var sections: [String] = []
        var i = 0
        while let start = Self.find(open, in: s, from: i) {
            var bodyStart = start + open.count
            var closing = close
            if bodyStart < s.count, s[bodyStart] == "{", open == Array("{{".unicodeScalars) {
                closing = Array("}}}".unicodeScalars); bodyStart += 1
            }
            guard let end = Self.find(closing, in: s, from: bodyStart) else { return }
            i = end + closing.count
            let body = String(String.UnicodeScalarView(s[bodyStart..<end])).trimmed(" ")
            guard let sigil = body.unicodeScalars.first else { continue }
            let rest = String(body.unicodeScalars.dropFirst()).trimmed(" ")
            switch sigil {
            case "!", ">", "<", "$", "%": continue
            case "=":
                let parts = rest.hasSuffix("=") ? String(rest.dropLast()).split(separator: " ") : []
                if parts.count == 2 { open = Array(parts[0].unicodeScalars); close = Array(parts[1].unicodeScalars) }
            case "#", "^":
                tags.append(Tag(name: Self.head(rest), sections: sections, offset: start))
                sections.append(Self.head(rest))
            case "/":
                if !sections.isEmpty { sections.removeLast() }
            case "&":
                tags.append(Tag(name: Self.head(rest), sections: sections, offset: start))
            default:
                tags.append(Tag(name: Self.head(body), sections: sections, offset: start))
            }
        }
    }

    /// `metrics.label` → `metrics`; `.` (the current item) stays `.`.
    private static func head(_ name: String) -> String {
        name == "." ? name : String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
    }

    private static func find(_ needle: [Unicode.Scalar], in s: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, s.count >= needle.count, from <= s.count - needle.count else { return nil }
        for i in from...(s.count - needle.count) where s[i] == needle[0] && Array(s[i..<i + needle.count]) == needle {
            return i
        }
        return nil
    }
}

private extension String {
    func trimmed(_ c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}
