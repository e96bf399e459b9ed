import CrescendoCore
import Mustache

/// A campaign's Mustache templates, compiled once, rendered as plain text (for actions,
/// feeds and newsletters) or HTML-escaped (for pages).
///
/// Language variants are templates named `ID.xx` (`story.fr`); a missing variant falls back
/// to the default `ID`.
public struct CampaignTemplates: TemplateRendering {
    private let text: [String: MustacheTemplate]
    private let html: [String: MustacheTemplate]

    /// Compiles every template; ones that do not parse are left out (`crescendo check`
    /// reports them with their position).
    public init(_ sources: [String: String]) {
        var text: [String: MustacheTemplate] = [:]
        var html: [String: MustacheTemplate] = [:]
        for (id, src) in sources {
            text[id] = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + src)
            html[id] = try? MustacheTemplate(string: src)
        }
        self.text = text
        self.html = html
    }

    /// Template ids without their language suffix.
    public var languages: [String] {
        Array(Set(text.keys.compactMap { id in id.split(separator: ".").dropFirst().first.map(String.init) })).sorted()
    }

    public func has(_ id: String) -> Bool { text[id] != nil }

    public func render(template id: String, context: TemplateContext) -> String? {
        render(id, language: nil, context: context, escapingHTML: false)
    }

    /// Renders `id` in `language` if that variant exists, else the default.
    public func render(_ id: String, language: String?, context: TemplateContext, escapingHTML: Bool) -> String? {
        let table = escapingHTML ? html : text
        let chosen = language.flatMap { table["\(id).\($0)"] } ?? table[id]
        guard let template = chosen else { return nil }
        return template.render(Self.object(context))
    }

    static func object(_ c: TemplateContext) -> [String: Any] {
        var o: [String: Any] = c.values
        o["metrics"] = c.metrics
        return o
    }
}
