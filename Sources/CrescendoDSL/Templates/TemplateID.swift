/// Template ids and their language variants (`story.fr` is the French `story`).
enum TemplateID {
    /// The id without a language suffix: `story.fr` → `story`, `story` → `story`. A suffix is
    /// two or three letters, optionally with a region (`pt-br`).
    static func base(of id: String) -> String {
        guard let dot = id.lastIndex(of: ".") else { return id }
        let suffix = id[id.index(after: dot)...]
        let language = suffix.split(separator: "-", maxSplits: 1).first ?? ""
        let isLanguage = (2...3).contains(language.count) && language.allSatisfy { $0.isASCII && $0.isLetter }
        return isLanguage && dot != id.startIndex ? String(id[..<dot]) : id
    }
}
