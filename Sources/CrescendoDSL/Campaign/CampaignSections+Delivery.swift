import Yams
import CrescendoCore

/// A template as declared, with the nodes the template checks point at.
struct DeclaredTemplate {
    /// The full id, e.g. `story.fr`.
    var id: String
    /// The id without language suffix, e.g. `story`.
    var base: String
    var source: String
    var keyNode: Node
    var valueNode: Node
    var sink: DiagnosticSink
}

extension CampaignSections {
    /// `channels:` of `{type: file, path}`, `{type: webhook, url, timeout?}` or
    /// `{type: command, run: [argv], timeout?}`. `timeout` is a duration or whole seconds.
    func channels(_ node: Node?) -> [Channel] {
        guard let node, let entries = reader.entries(node, "channels", "channels") else { return [] }
        return entries.compactMap { entry in
            let keys = ["type", "path", "url", "run", "timeout"]
            guard let f = reader.fields(entry.value, "channels", "a channel", keys: keys, required: ["type"]),
                  let type = f["type"].flatMap({ reader.choice($0, "channels", "type", ["file", "webhook", "command"]) }) else { return nil }
            let needs = ["file": "path", "webhook": "url", "command": "run"]
            for (other, key) in needs where other != type {
                if let k = f.keyNode(key) { sink.error(k, "channels", "'\(key)' does not apply to a \(type) channel") }
            }
            if type == "file", let k = f.keyNode("timeout") { sink.error(k, "channels", "'timeout' does not apply to a file channel") }
            guard let key = needs[type], let value = f[key] else {
                sink.error(entry.value, "channels", "a \(type) channel needs '\(needs[type] ?? "")'")
                return nil
            }
            let timeout = f["timeout"].flatMap { timeoutSeconds($0) }
            let kind: Channel.Kind?
            switch type {
            case "file": kind = reader.string(value, "channels", "path").map { .file(path: $0) }
            case "webhook": kind = reader.string(value, "channels", "url").map { .webhook(url: $0) }
            default: kind = argv(value).map { .command(argv: $0) }
            }
            guard let kind, f["timeout"] == nil || timeout != nil else { return nil }
            return Channel(id: entry.key, kind: kind, timeoutSeconds: timeout)
        }
    }

    private func argv(_ node: Node) -> [String]? {
        guard let items = reader.list(node, "channels", "run") else { return nil }
        guard !items.isEmpty else {
            sink.error(node, "channels", "'run' needs the program to run, e.g. [./scripts/phone-tree.sh]")
            return nil
        }
        let args = items.compactMap { reader.string($0, "channels", "run") }
        return args.count == items.count ? args : nil
    }

    private func timeoutSeconds(_ node: Node) -> Int? {
        if let text = NodeText.plain(node), let n = Int(text), n > 0 { return n }
        return reader.positiveDuration(node, "channels", "timeout").map { Int($0.seconds) }
    }

    /// `templates:` of Mustache sources; `id.xx` is a language variant of `id`.
    func templates(_ node: Node?) -> [DeclaredTemplate] {
        guard let node, let entries = reader.entries(node, "templates", "templates") else { return [] }
        return entries.compactMap { entry in
            guard let source = reader.string(entry.value, "templates", entry.key) else { return nil }
            let base = TemplateID.base(of: entry.key)
            return DeclaredTemplate(id: entry.key, base: base, source: source, keyNode: entry.keyNode, valueNode: entry.value, sink: sink)
        }
    }
}
