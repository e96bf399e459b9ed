import Yams
import CrescendoCore

/// Typed access to YAML nodes. Every mismatch is reported at the node's position and yields
/// `nil`, so that reading goes on and all problems of a file come out in one run.
struct NodeReader {
    let sink: DiagnosticSink

    /// The entries of a mapping of `shape`, after reporting unknown keys (with "did you mean"),
    /// keys that are not text, and missing required keys. A null value counts as an empty mapping.
    func fields(_ node: Node, _ code: String, _ shape: Shape) -> Fields? {
        guard let raw = entries(node, code, shape.name) else { return nil }
        var kept: [(key: String, keyNode: Node, value: Node)] = []
        for entry in raw {
            if shape.accepts(entry.key) { kept.append(entry); continue }
            sink.error(entry.keyNode, code, "unknown key '\(entry.key)' in \(shape.name)",
                       hint: Suggestion.hint(for: entry.key, in: shape.names) ?? "known keys: \(shape.names.joined(separator: ", "))")
        }
        let fields = Fields(node: node, shape: shape, entries: kept)
        for key in shape.keys where key.need == .required && !fields.has(key.name) {
            sink.error(node, code, "\(shape.name) needs '\(key.name)'")
        }
        return fields
    }

    /// The entries of a mapping whose keys are ids (like `metrics:`), in file order.
    func entries(_ node: Node, _ code: String, _ name: String) -> [(key: String, keyNode: Node, value: Node)]? {
        if NodeText.isNull(node) { return [] }
        guard case .mapping(let m) = node else {
            sink.error(node, code, "\(name) must be a mapping, not \(NodeText.describe(node))")
            return nil
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else {
                sink.error(k, code, "a key in \(name) must be text, not \(NodeText.describe(k))")
                continue
            }
            out.append((s.string, k, v))
        }
        return out
    }

    func list(_ node: Node, _ code: String, _ key: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            sink.error(node, code, "'\(key)' must be a list, not \(NodeText.describe(node))")
            return nil
        }
        return Array(s)
    }

    /// The one key of `f` that names its form (an action's kind, a condition's form): an error
    /// when none or several are there. `item` is what the list holds ("action"), `article` its
    /// article ("an").
    func form(_ f: Fields, _ code: String, _ article: String, _ item: String) -> (key: String, keyNode: Node, value: Node)? {
        let present = f.formEntries
        guard let first = present.first else {
            sink.error(f.node, code, "\(article) \(item) needs one of: \(f.shape.forms.map(\.key).joined(separator: ", "))")
            return nil
        }
        if present.count > 1 {
            sink.error(present[1].keyNode, code, "one \(item) per list item; found '\(first.key)' and '\(present[1].key)'",
                       hint: "write each \(item) as its own '- ' item")
            return nil
        }
        return first
    }

    /// Every item of a list, each read by `item`: nil when the node is not a list or any item
    /// failed. Every item is read even after a failure, so that each reports its own errors.
    func list<T>(_ node: Node, _ code: String, _ key: String, each item: (Node) -> T?) -> [T]? {
        guard let items = list(node, code, key) else { return nil }
        var out: [T] = []
        var ok = true
        for node in items {
            if let value = item(node) { out.append(value) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// Any non-empty scalar, as written.
    func string(_ node: Node, _ code: String, _ key: String) -> String? {
        guard case .scalar(let s) = node, !NodeText.isNull(node) else {
            sink.error(node, code, "'\(key)' must be text, not \(NodeText.describe(node))")
            return nil
        }
        return s.string
    }

    /// A whole number written without quotes.
    func int(_ node: Node, _ code: String, _ key: String, min: Int64? = nil) -> Int64? {
        guard let text = NodeText.plain(node), let n = Int64(text) else {
            sink.error(node, code, "'\(key)' must be a whole number, not \(NodeText.describe(node))")
            return nil
        }
        if let min, n < min {
            sink.error(node, code, "'\(key)' must be at least \(min), not \(n)")
            return nil
        }
        return n
    }

    /// A whole number at least as large as `shape`'s table says for `key`.
    func int(_ node: Node, _ code: String, _ key: String, of shape: Shape) -> Int64? {
        guard case .integer(let min, _)? = shape[key]?.value else {
            assertionFailure("the table of \(shape.name) does not make '\(key)' a whole number")
            return int(node, code, key)
        }
        return int(node, code, key, min: Int64(min))
    }

    /// A number written without quotes.
    func number(_ node: Node, _ code: String, _ key: String) -> Double? {
        guard let text = NodeText.plain(node), let x = Double(text), x.isFinite else {
            sink.error(node, code, "'\(key)' must be a number, not \(NodeText.describe(node))")
            return nil
        }
        return x
    }

    func bool(_ node: Node, _ code: String, _ key: String) -> Bool? {
        switch NodeText.plain(node) {
        case "true": return true
        case "false": return false
        default:
            sink.error(node, code, "'\(key)' must be true or false, not \(NodeText.describe(node))")
            return nil
        }
    }

    /// One of a fixed set of words.
    func choice(_ node: Node, _ code: String, _ key: String, _ options: [String]) -> String? {
        guard let text = string(node, code, key) else { return nil }
        guard options.contains(text) else {
            let list = options.map { "'\($0)'" }.joined(separator: ", ")
            sink.error(node, code, "'\(key)' must be one of \(list), not \"\(text)\"",
                       hint: Suggestion.hint(for: text, in: options))
            return nil
        }
        return text
    }

    /// One of the words `shape`'s table lists for `key`.
    func choice(_ node: Node, _ code: String, _ key: String, of shape: Shape) -> String? {
        guard case .choice(let words)? = shape[key]?.value else {
            assertionFailure("the table of \(shape.name) does not make '\(key)' a choice")
            return string(node, code, key)
        }
        return choice(node, code, key, words)
    }

    /// The longest duration accepted anywhere, so that no arithmetic on times can overflow.
    static let longestDuration = TimeSpan.days(36_525)

    func duration(_ node: Node, _ code: String, _ key: String) -> TimeSpan? {
        guard let text = string(node, code, key) else { return nil }
        let longestDigitRun = text.split { !$0.isASCII || !$0.isNumber }.map(\.count).max() ?? 0
        guard longestDigitRun <= 12, let span = TimeParsing.duration(text) else {
            sink.error(node, code, "malformed duration for '\(key)': \"\(text)\"",
                       hint: "write a whole number and a unit (30m, 48h, 7d, 2w) or ISO 8601 (PT48H, P7D)")
            return nil
        }
        guard abs(span.seconds) <= Self.longestDuration.seconds else {
            sink.error(node, code, "'\(key)' is longer than 100 years: \"\(text)\"")
            return nil
        }
        return span
    }

    /// A duration that must not be negative.
    func positiveDuration(_ node: Node, _ code: String, _ key: String) -> TimeSpan? {
        guard let span = duration(node, code, key) else { return nil }
        guard span.seconds > 0 else {
            sink.error(node, code, "'\(key)' must be longer than zero, not \(span)")
            return nil
        }
        return span
    }

    func date(_ node: Node, _ code: String, _ key: String) -> CivilDate? {
        guard let text = string(node, code, key) else { return nil }
        guard let date = TimeParsing.date(text) else {
            sink.error(node, code, "malformed date for '\(key)': \"\(text)\"", hint: "write a date as YYYY-MM-DD, e.g. 2027-01-04")
            return nil
        }
        return date
    }

    /// A date (local midnight) or a date-time (local unless it has `Z` or an offset).
    func instant(_ node: Node, _ code: String, _ key: String, zone: Zone) -> Instant? {
        guard let text = string(node, code, key) else { return nil }
        guard let t = TimeParsing.instant(text, zone: zone) else {
            sink.error(node, code, "malformed date or date-time for '\(key)': \"\(text)\"",
                       hint: "write 2027-01-04 or 2027-01-04T09:00 (local time; add Z or an offset like -05:00 for a fixed instant)")
            return nil
        }
        return t
    }
}
