import Foundation
import Yams

/// The web app's own words in each language it speaks (`Resources/app/words.yaml`), read once.
/// English is complete and the default; a word missing from another language falls back to it.
public enum AppWords {
    /// Language code to key to text; empty (and `problem` set) when the file cannot be read.
    public static let table: [String: [String: String]] = load().table
    /// Why the words could not be read, if they could not.
    public static let problem: String? = load().problem

    /// The languages the app speaks, English first.
    public static var languages: [String] { ["en"] + table.keys.filter { $0 != "en" }.sorted() }

    private static func load() -> (table: [String: [String: String]], problem: String?) {
        guard let url = Bundle.module.url(forResource: "app/words", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return ([:], "app/words.yaml is missing beside the crescendo binary (Crescendo_CrescendoDaemon.resources)")
        }
        guard let table = (try? Yams.load(yaml: text)) as? [String: [String: String]] else {
            return ([:], "app/words.yaml is not a map of languages to words")
        }
        return (table, nil)
    }

    /// Every word in `language`, English where it has none.
    public static func words(_ language: String) -> [String: String] {
        (table["en"] ?? [:]).merging(table[language] ?? [:]) { _, own in own }
    }

    /// The language to speak: `?lang=` if the app speaks it, else the session's, else the first
    /// of `Accept-Language` (by its q-values) that it speaks, else English.
    public static func choose(query: String?, session: String?, acceptLanguage: String?) -> String {
        for candidate in [query, session].compactMap({ $0?.lowercased() }) where table[candidate] != nil { return candidate }
        for tag in preferred(acceptLanguage ?? "") {
            if table[tag] != nil { return tag }
            if let base = tag.split(separator: "-").first, table[String(base)] != nil { return String(base) }
        }
        return "en"
    }

    /// The tags of an `Accept-Language` header, most wanted first (q=0 left out).
    static func preferred(_ header: String) -> [String] {
        let tags = header.split(separator: ",").enumerated().compactMap { i, part -> (tag: String, q: Double, i: Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty, tag != "*" else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (tag, q, i) : nil
        }
        return tags.sorted { $0.q != $1.q ? $0.q > $1.q : $0.i < $1.i }.map(\.tag)
    }
}
