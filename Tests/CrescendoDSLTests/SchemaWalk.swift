import CrescendoCore
@testable import CrescendoDSL

/// Walks the key tables and a JSON Schema side by side: each shape must be an object at its
/// place (a `$ref` where it has a definition) with exactly the table's keys, required keys,
/// forms and variants, and each key's value of the table's type. Collects what differs.
struct SchemaWalk {
    let schema: JSONValue
    private(set) var problems: [String] = []
    private(set) var keys = 0
    private var visited: Set<String> = []

    init(schema: JSONValue) { self.schema = schema }

    mutating func shape(_ shape: Shape, at reference: JSONValue, _ path: String, isRoot: Bool = false) {
        var node = reference
        if let definition = shape.definition, !isRoot {
            guard reference["$ref"] == .string("#/$defs/\(definition)"), let target = schema["$defs"]?[definition] else {
                return problem(path, "is not a $ref to #/$defs/\(definition)")
            }
            guard visited.insert(definition).inserted else { return }
            node = target
        }
        expect(node["type"], .string("object"), path)
        guard shape.variants.isEmpty else { return variants(shape, node, path) }
        expect(node["additionalProperties"], .bool(false), path)
        let properties = Self.members(node["properties"])
        compare(properties.map(\.0), shape.names, path, "keys")
        localized(shape.keys, node, path)
        compare(Self.strings(node["required"]), shape.keys.filter(\.isRequired).map(\.name), path, "required keys")
        compare(Self.items(node["oneOf"]).flatMap { Self.strings($0["required"]) }, shape.forms.map(\.key), path, "forms")
        compare(Self.strings(node["not"]?["required"]), shape.exclusive, path, "exclusive keys")
        compare(Self.items(node["anyOf"]).flatMap { Self.strings($0["required"]) }, shape.atLeastOne, path, "keys of which one is needed")
        for key in shape.keys {
            guard let property = properties.first(where: { $0.0 == key.name })?.1 else { continue }
            keys += 1
            value(key.value, at: property, "\(path)/\(key.name)")
        }
    }

    private mutating func variants(_ shape: Shape, _ outer: JSONValue, _ path: String) {
        let nodes = Self.items(outer["oneOf"])
        guard nodes.count == shape.variants.count else { return problem(path, "has \(nodes.count) alternatives, not \(shape.variants.count)") }
        var found = Set<String>()
        let common = shape.common.map(\.name)
        compare(Self.strings(outer["required"]), shape.common.filter(\.isRequired).map(\.name), path, "keys every alternative needs")
        for (variant, node) in zip(shape.variants, nodes) {
            expect(node["additionalProperties"], .bool(false), path)
            let properties = Self.members(node["properties"])
            compare(properties.map(\.0), common + variant.keys, path, "keys of an alternative")
            compare(Self.strings(node["required"]), shape.common.filter(\.isRequired).map(\.name) + variant.required, path, "required keys of an alternative")
            localized(shape.keys.filter { (common + variant.keys).contains($0.name) }, node, path)
            for (name, property) in properties {
                found.insert(name)
                keys += 1
                if let selector = variant.selector, selector.key == name {
                    expect(property["const"], .string(selector.value), "\(path)/\(name)")
                } else if let key = shape[name] {
                    value(key.value, at: property, "\(path)/\(name)")
                }
            }
        }
        compare(Array(found), shape.names, path, "keys of all alternatives")
    }

    private mutating func value(_ value: ValueType, at node: JSONValue, _ path: String) {
        switch value {
        case .text:
            expect(node["type"], .string("string"), path)
            expect(node["pattern"], nil, path)
        case .formatted(let format):
            expect(node["type"], .string("string"), path)
            expect(node["pattern"], .string(format.pattern), path)
        case .integer(let min, let max):
            expect(node["type"], .string("integer"), path)
            expect(node["minimum"], .int(min), path)
            expect(node["maximum"], max.map { .int($0) }, path)
        case .number: expect(node["type"], .string("number"), path)
        case .boolean: expect(node["type"], .string("boolean"), path)
        case .choice(let words) where words.count == 1: expect(node["const"], .string(words[0]), path)
        case .choice(let words): expect(node["enum"], .array(words.map { .string($0) }), path)
        case .scalar: expect(node["type"], .array(["string", "number", "boolean"].map { .string($0) }), path)
        case .list(let item, let minItems):
            expect(node["type"], .string("array"), path)
            expect(node["minItems"], minItems > 0 ? .int(minItems) : nil, path)
            self.value(item, at: node["items"] ?? .null, path + "[]")
        case .map(let item, let minEntries):
            expect(node["type"], .string("object"), path)
            expect(node["minProperties"], minEntries > 0 ? .int(minEntries) : nil, path)
            self.value(item, at: node["additionalProperties"] ?? .null, path + "/*")
        case .shape(let s): shape(s, at: node, path)
        case .shapeOrNothing(let s):
            let options = Self.items(node["oneOf"])
            guard options.count == 2, options[0]["type"] == .string("null") else { return problem(path, "is not 'nothing or a mapping'") }
            shape(s, at: options[1], path)
        case .either(let values):
            let options = Self.items(node["oneOf"])
            guard options.count == values.count else { return problem(path, "has \(options.count) alternatives, not \(values.count)") }
            for (v, option) in zip(values, options) { self.value(v, at: option, path) }
        }
    }

    /// The language variants of localized keys, as `patternProperties`.
    private mutating func localized(_ keys: [Key], _ node: JSONValue, _ path: String) {
        let patterns = Self.members(node["patternProperties"])
        compare(patterns.map(\.0), keys.filter(\.localized).map(\.variantPattern), path, "patterns of language variants")
    }

    private mutating func expect(_ found: JSONValue?, _ wanted: JSONValue?, _ path: String) {
        if found != wanted { problem(path, "has \(found?.text ?? "nothing") where the tables say \(wanted?.text ?? "nothing")") }
    }

    private mutating func compare(_ found: [String], _ wanted: [String], _ path: String, _ what: String) {
        for name in wanted where !found.contains(name) { problem(path, "lacks '\(name)' among its \(what)") }
        for name in found where !wanted.contains(name) { problem(path, "has '\(name)' among its \(what), which no table lists there") }
    }

    private mutating func problem(_ path: String, _ text: String) { problems.append("\(path) \(text)") }

    static func members(_ node: JSONValue?) -> [(String, JSONValue)] {
        if case .object(let members)? = node { return members }
        return []
    }

    static func items(_ node: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = node { return items }
        return []
    }

    static func strings(_ node: JSONValue?) -> [String] {
        items(node).compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}
