import Foundation

/// A JSON document, read strictly (a number is never a boolean) and written with its keys in
/// the order given: compactly (the daemon's API) or two-space indented (the published open
/// data), byte for byte the same on every run and machine. Strings use `jsonString`'s escaping,
/// shared with `simulate --format json`.
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given (output) or sorted (input).
    case object([(String, JSONValue)])
    /// JSON text that Crescendo itself wrote from a `JSONValue` and stored (an action's payload,
    /// `Occurrence.json(id:)`), embedded byte for byte as written, so its key order is kept.
    /// Never made from input.
    case written(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        let o = try c.decode([String: JSONValue].self)
        self = .object(o.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Parses a request body; nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: data) }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text == b.text }

    /// The value of a key of an object.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    /// Compact JSON text.
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Two-space indented JSON with a final newline.
    public var prettyText: String {
        var out = ""
        writePretty(&out, indent: 0)
        return out + "\n"
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out += String(Int64(d)) } else if d.isFinite { out += String(d) } else { out += "null" }
        case .string(let s): out += jsonString(s)
        case .written(let text): out += text
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; v.write(to: &out) }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (k, v)) in o.enumerated() { if i > 0 { out += "," }; out += jsonString(k); out += ":"; v.write(to: &out) }
            out += "}"
        }
    }

    private func writePretty(_ out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += pad
                v.writePretty(&out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, (k, v)) in members.enumerated() {
                out += pad + jsonString(k) + ": "
                v.writePretty(&out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += close + "}"
        default:
            write(to: &out)  // scalars, [] and {} are the same either way
        }
    }
}

extension JSONValue {
    public static func maybe(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    public static func int(_ n: Int64) -> JSONValue { .number(Double(n)) }
    public static func int(_ n: Int) -> JSONValue { .number(Double(n)) }
    public static func instant(_ t: Instant?) -> JSONValue { t.map { .string($0.iso8601) } ?? .null }
}
