extension Dictionary where Key == String, Value == String {
    /// The variant for `language` (`pt-br`), else for its base language (`pt`), else
    /// `fallback`: how a campaign's `label.xx` and `text.xx` translations are chosen.
    public func variant(_ language: String?, or fallback: String) -> String {
        guard let language = language?.lowercased(), !language.isEmpty else { return fallback }
        if let exact = self[language] { return exact }
        if let base = language.split(separator: "-").first, let text = self[String(base)] { return text }
        return fallback
    }
}
