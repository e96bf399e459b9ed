import Yams

/// The ids a campaign declares, for checking references. A `nil` list is unknown: a rule
/// library checked on its own cannot tell what an including campaign declares, so references
/// into it are not checked.
struct Declarations {
    var metrics: [String]?
    var demands: [String]?
    var indicators: [String]?
    var windows: [String]?
    var ladders: [String]?
    var channels: [String]?
    /// Template ids without language suffix (`story` for `story.fr`).
    var templates: [String]?
    /// Declared areas; empty when the campaign declares none (any area is allowed).
    var areas: [String]?

    /// What a library checked on its own knows: nothing.
    static let unknown = Declarations()

    enum Kind: String {
        case metric, demand, indicator, window, ladder, channel, template, area

        var section: String {
            switch self {
            case .metric: return "metrics"
            case .demand: return "demands"
            case .indicator: return "indicators"
            case .window: return "windows"
            case .ladder: return "ladders"
            case .channel: return "channels"
            case .template: return "templates"
            case .area: return "areas"
            }
        }
    }

    func ids(_ kind: Kind) -> [String]? {
        switch kind {
        case .metric: return metrics
        case .demand: return demands
        case .indicator: return indicators
        case .window: return windows
        case .ladder: return ladders
        case .channel: return channels
        case .template: return templates
        case .area: return areas.flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}

extension NodeReader {
    /// Reads an id that must be declared in `kind`'s section, reporting it (with "did you
    /// mean") when it is not. Returns the id as written either way, or `nil` when it is not text.
    func reference(_ node: Node, _ code: String, _ key: String, _ kind: Declarations.Kind, in declared: Declarations) -> String? {
        guard let id = string(node, code, key) else { return nil }
        if let ids = declared.ids(kind), !ids.contains(id) {
            sink.error(node, code, "undeclared \(kind.rawValue) '\(id)'",
                       hint: Suggestion.hint(for: id, in: ids) ?? "declare it under `\(kind.section):`")
        }
        return id
    }
}
