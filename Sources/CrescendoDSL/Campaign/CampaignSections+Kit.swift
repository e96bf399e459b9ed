import Foundation
import Yams
import CrescendoCore

extension CampaignSections {
    /// `brand:` of `{hashtags, color, url}`; what is malformed is reported and left out.
    func brand(_ node: Node?) -> Brand {
        guard let node, let f = reader.fields(node, "brand", Shapes.brand) else { return Brand() }
        var brand = Brand()
        if let list = f["hashtags"].flatMap({ reader.list($0, "brand", "hashtags") }) {
            brand.hashtags = list.compactMap(hashtag)
        }
        brand.color = f["color"].flatMap(color)
        brand.url = f["url"].flatMap(url)
        return brand
    }

    /// Text that must not be empty; an empty value most often means an unquoted `#`.
    private func quoted(_ node: Node, _ key: String, example: String) -> String? {
        if NodeText.isNull(node) {
            sink.error(node, "brand", "'\(key)' is empty", hint: "an unquoted # starts a YAML comment: write \(key == "hashtags" ? "- " : "\(key): ")\"\(example)\"")
            return nil
        }
        return reader.string(node, "brand", key)
    }

    private func hashtag(_ node: Node) -> String? {
        guard let text = quoted(node, "hashtags", example: "#CareLedger") else { return nil }
        guard text.hasPrefix("#") else {
            sink.error(node, "brand", "hashtag '\(text)' does not start with '#'", hint: "write \"#\(text)\" (quoted: an unquoted # starts a YAML comment)")
            return nil
        }
        let word = text.dropFirst()
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            sink.error(node, "brand", "hashtag '\(text)' may hold only letters, digits and '_' after its '#'")
            return nil
        }
        return text
    }

    private func color(_ node: Node) -> String? {
        guard let text = quoted(node, "color", example: "#8b1a1a") else { return nil }
        let digits = text.dropFirst()
        guard text.hasPrefix("#"), digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
            sink.error(node, "brand", "malformed colour for 'color': \"\(text)\"", hint: "write '#' and six hex digits, quoted, e.g. \"#8b1a1a\"")
            return nil
        }
        return text.lowercased()
    }

    /// An absolute http(s) address without query or fragment, ending in `/`.
    private func url(_ node: Node) -> String? {
        guard let text = reader.string(node, "brand", "url") else { return nil }
        guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              !(parsed.host ?? "").isEmpty, parsed.query == nil, parsed.fragment == nil, !text.contains(" ") else {
            sink.error(node, "brand", "malformed url for 'url': \"\(text)\"", hint: "write the site's whole address, e.g. https://care.example.org/")
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// `guides:` of `{title, file, file.xx...}`, each file read relative to `campaignFile`.
    func guides(_ node: Node?, campaignFile: String) -> [Guide] {
        guard let node, let entries = reader.entries(node, "guides", "guides") else { return [] }
        return entries.compactMap { entry in
            var ok = true
            if !IDSyntax.isCampaignID(entry.key) {
                sink.error(entry.keyNode, "guides", "guide id '\(entry.key)' may use only lowercase letters, digits and '-'",
                           hint: "it names the page guides/\(entry.key.lowercased()).html")
                ok = false
            }
            guard let f = reader.fields(entry.value, "guides", Shapes.guide) else { return nil }
            let title = f["title"].flatMap { reader.string($0, "guides", "title") }
            var text: Guide.Text?
            var variants: [String: Guide.Text] = [:]
            for file in f.entries where file.key.hasPrefix("file") {
                guard let written = reader.string(file.value, "guides", file.key),
                      let read = GuideFile.read(written, key: file.key, node: file.value, campaignFile: campaignFile, sink: sink) else {
                    ok = false
                    continue
                }
                if file.key == "file" { text = read } else { variants[String(file.key.dropFirst("file.".count)).lowercased()] = read }
            }
            guard ok, let title, let text else { return nil }
            return Guide(slug: entry.key, title: title, text: text, variants: variants)
        }
    }
}
