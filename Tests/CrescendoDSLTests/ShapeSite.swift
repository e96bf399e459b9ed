@testable import CrescendoDSL

/// Where a shape of the key tables is first met, going down from the top level of each kind of
/// file that has a schema: enough to build a document that holds any key of that shape.
struct ShapeSite: Sendable {
    let shape: Shape
    /// Where it is, e.g. `a campaign file/rules[]/when/schedule`.
    let path: String
    /// Wraps a mapping of this shape into a whole document, from its top level down.
    let wrap: @Sendable (SampleYAML) -> SampleYAML

    /// A document whose mapping of this shape holds what it needs and, last, `key: value`.
    func document(_ key: String, _ value: SampleYAML) -> SampleYAML {
        wrap(.mapping(SampleYAML.entries(of: shape, with: (key, value))))
    }

    /// Every shape reachable from the top levels, once each, nearest first.
    static let all: [ShapeSite] = {
        var sites = SchemaKind.allCases.flatMap(\.roots).map { ShapeSite(shape: $0, path: $0.name, wrap: { $0 }) }
        var seen = Set(sites.map { identity($0.shape) })
        var next = 0
        while next < sites.count {
            let site = sites[next]
            next += 1
            for key in site.shape.keys {
                for shape in key.value.shapes where seen.insert(identity(shape)).inserted {
                    let path = "\(site.path)/\(key.name)\(marks(key.value))"
                    sites.append(ShapeSite(shape: shape, path: path) { mapping in
                        site.wrap(.mapping(SampleYAML.entries(of: site.shape, with: (key.name, place(mapping, of: shape, in: key.value)!))))
                    })
                }
            }
        }
        return sites
    }()

    private static func marks(_ value: ValueType) -> String {
        switch value {
        case .list(let item, _): return "[]" + marks(item)
        case .map(let item, _): return "/*" + marks(item)
        default: return ""
        }
    }

    static func identity(_ shape: Shape) -> String { shape.name + ": " + shape.names.joined(separator: ", ") }

    /// `mapping` inside the lists, id-keyed maps and alternatives of `value` that lead to `shape`.
    private static func place(_ mapping: SampleYAML, of shape: Shape, in value: ValueType) -> SampleYAML? {
        switch value {
        case .shape(let s), .shapeOrNothing(let s): return identity(s) == identity(shape) ? mapping : nil
        case .list(let item, _): return place(mapping, of: shape, in: item).map { .list([$0]) }
        case .map(let item, _): return place(mapping, of: shape, in: item).map { .mapping([("x", $0)]) }
        case .either(let values): return values.lazy.compactMap { place(mapping, of: shape, in: $0) }.first
        default: return nil
        }
    }
}
