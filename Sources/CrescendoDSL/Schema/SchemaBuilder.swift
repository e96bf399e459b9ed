import CrescendoCore

/// Writes a JSON Schema (draft 2020-12) from the key tables. Shapes with a `definition` go to
/// `$defs` once, in the order first met, and are referred to by `$ref`; the others are written
/// in place. Every mapping refuses keys it does not list (`additionalProperties: false`).
struct SchemaBuilder {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    private var definitions: [(String, JSONValue)] = []

    /// The whole document: one root is written at the top level, several as `oneOf` references.
    static func document(id: String, title: String, roots: [Shape]) -> JSONValue {
        var builder = SchemaBuilder()
        var members: [(String, JSONValue)] = [("$schema", .string(draft)), ("$id", .string(id)), ("title", .string(title))]
        if roots.count == 1 {
            members += builder.object(roots[0])
        } else {
            members.append(("oneOf", .array(roots.map { builder.reference($0) })))
        }
        if !builder.definitions.isEmpty { members.append(("$defs", .object(builder.definitions))) }
        return .object(members)
    }

    private mutating func reference(_ shape: Shape) -> JSONValue {
        guard let name = shape.definition else { return .object(object(shape)) }
        if !definitions.contains(where: { $0.0 == name }) {
            let index = definitions.count
            definitions.append((name, .null))
            definitions[index].1 = .object(object(shape))
        }
        return .object([("$ref", .string("#/$defs/\(name)"))])
    }

    private mutating func object(_ shape: Shape) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("type", .string("object"))]
        let forms = shape.forms.isEmpty ? nil : "exactly one of: " + shape.forms.map(\.key).joined(separator: ", ")
        let description = [shape.description, forms].compactMap { $0 }.joined(separator: "; ")
        if !description.isEmpty { members.append(("description", .string(description))) }
        if !shape.variants.isEmpty {
            let common = shape.common.filter(\.isRequired).map(\.name)
            if !common.isEmpty { members.append(("required", Self.strings(common))) }
            members.append(("oneOf", .array(shape.variants.map { variant(of: shape, $0) })))
            return members
        }
        members += keys(shape.keys)
        let required = shape.keys.filter(\.isRequired).map(\.name)
        if !required.isEmpty { members.append(("required", Self.strings(required))) }
        if !shape.forms.isEmpty { members.append(("oneOf", Self.eachRequired(shape.forms.map(\.key)))) }
        if !shape.exclusive.isEmpty { members.append(("not", .object([("required", Self.strings(shape.exclusive))]))) }
        if !shape.atLeastOne.isEmpty { members.append(("anyOf", Self.eachRequired(shape.atLeastOne))) }
        return members
    }

    /// A variant: the shape's common keys and its own, the selector's as a constant.
    private mutating func variant(of shape: Shape, _ variant: Variant) -> JSONValue {
        let taken = shape.keys.filter { key in variant.keys.contains(key.name) || shape.common.contains { $0.name == key.name } }
        var members: [(String, JSONValue)] = [("type", .string("object"))] + keys(taken, selector: variant.selector)
        members.append(("required", Self.strings(shape.common.filter(\.isRequired).map(\.name) + variant.required)))
        return .object(members)
    }

    /// `additionalProperties: false` and the keys' `properties` (and the `patternProperties` of
    /// language variants).
    private mutating func keys(_ keys: [Key], selector: (key: String, value: String)? = nil) -> [(String, JSONValue)] {
        let properties = keys.map { key -> (String, JSONValue) in
            guard let selector, selector.key == key.name else { return (key.name, property(key)) }
            return (key.name, .object([("const", .string(selector.value))] + (key.description.map { [("description", .string($0))] } ?? [])))
        }
        let localized = keys.filter(\.localized).map { ($0.variantPattern, property($0)) }
        return [("additionalProperties", .bool(false)), ("properties", .object(properties))]
            + (localized.isEmpty ? [] : [("patternProperties", .object(localized))])
    }

    /// A key's value, with the key's description before the format's.
    private mutating func property(_ key: Key) -> JSONValue {
        guard case .object(var members) = value(key.value), let description = key.description else { return value(key.value) }
        if let index = members.firstIndex(where: { $0.0 == "description" }), case .string(let format) = members[index].1 {
            members[index].1 = .string("\(description) — \(format)")
        } else {
            members.append(("description", .string(description)))
        }
        return .object(members)
    }

    private mutating func value(_ value: ValueType) -> JSONValue {
        switch value {
        case .text: return Self.string()
        case .formatted(let format): return Self.string(pattern: format.pattern, description: format.description)
        case .integer(let min, let max):
            return .object([("type", .string("integer")), ("minimum", .int(min))] + (max.map { [("maximum", .int($0))] } ?? []))
        case .number: return .object([("type", .string("number"))])
        case .boolean: return .object([("type", .string("boolean"))])
        case .choice(let words) where words.count == 1: return .object([("const", .string(words[0]))])
        case .choice(let words): return .object([("enum", Self.strings(words))])
        case .scalar: return .object([("type", Self.strings(["string", "number", "boolean"]))])
        case .list(let item, let minItems):
            return .object([("type", .string("array"))] + (minItems > 0 ? [("minItems", .int(minItems))] : []) + [("items", self.value(item))])
        case .map(let item, let minEntries):
            return .object([("type", .string("object")), ("additionalProperties", self.value(item))]
                           + (minEntries > 0 ? [("minProperties", .int(minEntries))] : []))
        case .shape(let shape): return reference(shape)
        case .shapeOrNothing(let shape): return .object([("oneOf", .array([.object([("type", .string("null"))]), reference(shape)]))])
        case .either(let values): return .object([("oneOf", .array(values.map { self.value($0) }))])
        }
    }

    private static func string(pattern: String? = nil, description: String? = nil) -> JSONValue {
        .object([("type", .string("string"))] + (pattern.map { [("pattern", .string($0))] } ?? [])
                + (description.map { [("description", .string($0))] } ?? []))
    }

    private static func strings(_ words: [String]) -> JSONValue { .array(words.map { .string($0) }) }

    private static func eachRequired(_ keys: [String]) -> JSONValue {
        .array(keys.map { .object([("required", strings([$0]))]) })
    }
}
