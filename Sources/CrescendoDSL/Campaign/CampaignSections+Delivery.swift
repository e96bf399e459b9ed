import Yams
import CrescendoCore

extension CampaignSections {
    /// `channels:` of `{type: file, path}`, `{type: webhook, url, timeout?, secret_env?}` or
    /// `{type: command, run: [argv], timeout?}`. `timeout` is a duration or whole seconds.
    func channels(_ node: Node?) -> [Channel] {
        guard let node, let entries = reader.entries(node, "channels", "channels") else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, "channels", Shapes.channel),
                  let type = f["type"].flatMap({ reader.choice($0, "channels", "type", of: Shapes.channel) }),
                  let variant = Shapes.channel.variants.first(where: { $0.selector?.value == type }) else { return nil }
            let common = Shapes.channel.common.map(\.name)
            for other in f.entries where !variant.keys.contains(other.key) && !common.contains(other.key) {
                sink.error(other.keyNode, "channels", "'\(other.key)' does not apply to a \(type) channel")
            }
            let key = variant.required.first ?? "type"
            guard let value = f[key] else {
                sink.error(entry.value, "channels", "a \(type) channel needs '\(key)'")
                return nil
            }
            let timeout = f["timeout"].flatMap { timeoutSeconds($0) }
            let quiet = f["quiet_hours"].map { quietHours($0, "channels") }
            let kind: Channel.Kind?
            switch type {
            case "file": kind = reader.string(value, "channels", "path").map { .file(path: $0) }
            case "webhook": kind = reader.string(value, "channels", "url").map { .webhook(url: $0, secretEnv: secretEnv(f["secret_env"])) }
            default: kind = argv(value).map { .command(argv: $0) }
            }
            guard let kind, f["timeout"] == nil || timeout != nil, quiet != .some(nil) else { return nil }
            var channel = Channel(id: entry.key, kind: kind, timeoutSeconds: timeout)
            channel.quietHours = quiet.flatMap { $0 } ?? .campaign
            return channel
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

    /// `secret_env`: an environment variable's name (the daemon reads it at start; `check`
    /// cannot know the daemon's environment).
    private func secretEnv(_ node: Node?) -> String? {
        guard let node, let name = reader.string(node, "channels", "secret_env") else { return nil }
        let ok = name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard ok else {
            sink.error(node, "channels", "secret_env is the name of an environment variable (letters, digits and _), not \"\(name)\"",
                       hint: "put the secret itself in the daemon's environment, e.g. secret_env: ORGANIZERS_WEBHOOK_SECRET")
            return nil
        }
        return name
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
            return DeclaredTemplate(id: entry.key, source: source, keyNode: entry.keyNode, valueNode: entry.value, sink: sink)
        }
    }
}
