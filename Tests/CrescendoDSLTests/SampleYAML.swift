@testable import CrescendoDSL

/// A YAML document built from the key tables, written in block style with one key per line, so
/// that each value's line and column are known.
indirect enum SampleYAML: Sendable {
    /// A scalar (or a flow value) as it is written.
    case text(String)
    case mapping([(String, SampleYAML)])
    case list([SampleYAML])

    /// A value the parser accepts for `value` (references to undeclared ids aside).
    static func sample(_ value: ValueType) -> SampleYAML {
        switch value {
        case .text, .scalar: return .text("\"x\"")
        case .formatted(let format): return .text(format.example)
        case .integer(let min, _): return .text("\(min)")
        case .number: return .text("1")
        case .boolean: return .text("true")
        case .choice(let words): return .text("\"\(words[0])\"")
        case .list(let item, let minItems): return .list(minItems > 0 ? [sample(item)] : [])
        case .map(let item, let minEntries): return .mapping(minEntries > 0 ? [("x", sample(item))] : [])
        case .shape(let shape), .shapeOrNothing(let shape): return .mapping(entries(of: shape, with: nil))
        case .either(let values): return sample(values[0])
        }
    }

    /// A mapping of `shape` with what it needs (its required keys, or a variant's; a form; one of
    /// `atLeastOne`), chosen to suit `focus`, which comes last with its own value.
    static func entries(of shape: Shape, with focus: (key: String, value: SampleYAML)?) -> [(String, SampleYAML)] {
        let key = focus?.key
        let isForm = key.map { shape.form($0) != nil } ?? false
        let taking = shape.forms.first { form in key.map { form.takes?.contains($0) ?? true } ?? true }
        let form = isForm ? key : (taking ?? shape.forms.first)?.key
        let variant = shape.variants.first { variant in key.map(variant.keys.contains) ?? true } ?? shape.variants.first
        let group = key.map(shape.atLeastOne.contains) == true ? nil : shape.atLeastOne.first
        var out: [(String, SampleYAML)] = []
        for k in shape.keys where k.name != key {
            if let selector = variant?.selector, selector.key == k.name {
                out.append((k.name, .text(selector.value)))
            } else if variant.map({ $0.keys.contains(k.name) ? $0.required.contains(k.name) : k.isRequired }) ?? k.isRequired
                        || k.name == form || k.name == group {
                out.append((k.name, sample(k.value)))
            }
        }
        if let focus { out.append((focus.key, focus.value)) }
        return out
    }

    /// Block-style YAML text.
    var text: String { lines(indent: 0).joined(separator: "\n") + "\n" }

    private func lines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .text(let s): return [pad + s]
        case .mapping(let entries):
            return entries.flatMap { key, value -> [String] in
                switch value {
                case .text(let s): return ["\(pad)\(key): \(s)"]
                case .mapping(let m) where m.isEmpty: return ["\(pad)\(key): {}"]
                case .list(let l) where l.isEmpty: return ["\(pad)\(key): []"]
                case .mapping: return ["\(pad)\(key):"] + value.lines(indent: indent + 2)
                case .list: return ["\(pad)\(key):"] + value.lines(indent: indent + 2)
                }
            }
        case .list(let items):
            return items.flatMap { item -> [String] in
                var lines = item.lines(indent: indent + 2)
                if case .text = item { return [pad + "- " + lines[0].dropFirst(indent + 2)] }
                if case .mapping(let m) = item, m.isEmpty { return [pad + "- {}"] }
                lines[0] = pad + "- " + lines[0].dropFirst(indent + 2)
                return lines
            }
        }
    }
}
