/// The language of a template id's variant: `story.fr` → `fr`, `story.pt-br` → `pt-br`,
/// `story` → nil.
enum TemplateLanguage {
    static func of(_ id: String) -> String? {
        guard let dot = id.firstIndex(of: "."), dot != id.startIndex else { return nil }
        let lang = String(id[id.index(after: dot)...])
        return !lang.isEmpty && lang.allSatisfy({ $0.isLetter || $0 == "-" }) ? lang : nil
    }
}
