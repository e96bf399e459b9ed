import Yams
import CrescendoCore

extension CampaignSections {
    /// `ladders:` of `{pick: rotate|shuffle, seed?, tactics: [{id, text}]}`. A shuffle without
    /// a seed uses seed 0; a seed on a rotate ladder is a warning (it has no effect).
    func ladders(_ node: Node?) -> [Ladder] {
        guard let node, let entries = reader.entries(node, "ladders", "ladders") else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, "ladders", Shapes.ladder) else { return nil }
            let pick = f["pick"].flatMap { reader.choice($0, "ladders", "pick", of: Shapes.ladder) }
            let seed = f["seed"].flatMap { reader.int($0, "ladders", "seed", of: Shapes.ladder) }
            if pick == "rotate", let seedKey = f.keyNode("seed") {
                sink.warning(seedKey, "ladders", "'seed' has no effect on a rotate ladder", hint: "use pick: shuffle, or remove the seed")
            }
            let tactics = f["tactics"].flatMap { self.tactics($0) }
            guard let pick, let tactics, f["seed"] == nil || seed != nil else { return nil }
            let chosen: Ladder.Pick = pick == "rotate" ? .rotate : .shuffle(seed: UInt64(seed ?? 0))
            return Ladder(id: entry.key, pick: chosen, tactics: tactics)
        }
    }

    private func tactics(_ node: Node) -> [Tactic]? {
        guard let items = reader.list(node, "ladders", "tactics") else { return nil }
        if items.isEmpty { sink.error(node, "ladders", "'tactics' needs at least one tactic") }
        var seen = Set<String>()
        let out: [Tactic] = items.compactMap { item in
            guard let f = reader.fields(item, "ladders", Shapes.tactic),
                  let idNode = f["id"], let id = reader.string(idNode, "ladders", "id"),
                  let text = f["text"].flatMap({ reader.string($0, "ladders", "text") }) else { return nil }
            if !seen.insert(id).inserted { sink.error(idNode, "ladders", "duplicate tactic id '\(id)'") }
            return Tactic(id: id, text: text)
        }
        return out.count == items.count && !out.isEmpty ? out : nil
    }

    /// `pacing: {cooldown?, limit?: {count, per}, when_blocked?: defer|skip}`.
    func pacing(_ node: Node?) -> Pacing {
        guard let node, let f = reader.fields(node, "pacing", Shapes.pacing) else { return Pacing() }
        var pacing = Pacing()
        pacing.cooldown = f["cooldown"].flatMap { reader.positiveDuration($0, "pacing", "cooldown") }
        if let limitNode = f["limit"],
           let limit = reader.fields(limitNode, "pacing", Shapes.limit),
           let count = limit["count"].flatMap({ reader.int($0, "pacing", "count", of: Shapes.limit) }),
           let per = limit["per"].flatMap({ reader.positiveDuration($0, "pacing", "per") }) {
            pacing.limit = (Int(count), per)
        }
        if let blocked = f["when_blocked"].flatMap({ reader.choice($0, "pacing", "when_blocked", of: Shapes.pacing) }) {
            pacing.whenBlocked = Pacing.WhenBlocked(rawValue: blocked) ?? .defer
        }
        return pacing
    }

    /// `privacy: {min_count?, redact?: [regex]}`; each pattern must run on the linear-time engine (`RegexCheck`).
    func privacy(_ node: Node?) -> Privacy {
        guard let node, let f = reader.fields(node, "privacy", Shapes.privacy) else { return Privacy() }
        var privacy = Privacy()
        if let minCount = f["min_count"].flatMap({ reader.int($0, "privacy", "min_count", of: Shapes.privacy) }) {
            privacy.minCount = Int(minCount)
        }
        if let redact = f["redact"].flatMap({ reader.list($0, "privacy", "redact") }) {
            privacy.redact = redact.compactMap { item in
                guard let pattern = reader.string(item, "privacy", "redact") else { return nil }
                if let problem = RegexCheck.problem(pattern, at: item) {
                    sink.error(problem.position, "privacy", problem.message,
                               hint: "patterns run in linear time on a subset of ICU syntax (docs/campaign-language.md, \"privacy\"): "
                                   + "classes, groups, alternation, counted repetition, anchors and one-character look-around, "
                                   + "e.g. \"\\\\b[A-Z]{2}\\\\d{6}\\\\b\"")
                    return nil
                }
                return pattern
            }
        }
        return privacy
    }
}
