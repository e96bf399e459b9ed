import Yams
import CrescendoCore

/// Reads the declaration sections of a campaign file (section 2 and 10). Each reader reports
/// problems and returns what was well-formed, so that references can still be checked.
struct CampaignSections {
    let reader: NodeReader
    var sink: DiagnosticSink { reader.sink }

    /// `metrics:` (at least one) of `{label, unit}`.
    func metrics(_ node: Node?, root: Node) -> [Metric] {
        guard let node = atLeastOne(node, root: root, "metrics", "metric", "what the ledger counts",
                                    hint: "e.g. metrics: { masks: { label: Masks distributed, unit: masks } }") else { return [] }
        return labelled(node, "metrics", Shapes.metric).map { m in
            var metric = Metric(id: m.id, label: m.label, unit: m.unit)
            metric.labelVariants = m.variants
            return metric
        }
    }

    /// `indicators:` of `{label, unit}`.
    func indicators(_ node: Node?) -> [IndicatorDefinition] {
        guard let node else { return [] }
        return labelled(node, "indicators", Shapes.indicator).map { IndicatorDefinition(id: $0.id, label: $0.label, unit: $0.unit) }
    }

    private func labelled(_ node: Node, _ code: String, _ shape: Shape) -> [(id: String, label: String, unit: String, variants: [String: String])] {
        guard let entries = reader.entries(node, code, code) else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, code, shape),
                  let label = f["label"].flatMap({ reader.string($0, code, "label") }),
                  let unit = f["unit"].flatMap({ reader.string($0, code, "unit") }) else { return nil }
            return (entry.key, label, unit, variants(f, "label", code))
        }
    }

    /// `demands:` (at least one) of `{text, target, funding, funding_line?}`.
    func demands(_ node: Node?, root: Node) -> [Demand] {
        guard let node = atLeastOne(node, root: root, "demands", "demand", "what would make the care unnecessary",
                                    hint: "each demand names who must act (target) and who pays (funding)"),
              let entries = reader.entries(node, "demands", "demands") else { return [] }
        return entries.compactMap { entry -> Demand? in
            guard let f = reader.fields(entry.value, "demands", Shapes.demand),
                  let text = f["text"].flatMap({ reader.string($0, "demands", "text") }),
                  let target = f["target"].flatMap({ reader.string($0, "demands", "target") }),
                  let funding = f["funding"].flatMap({ reader.string($0, "demands", "funding") }) else { return nil }
            let line = f["funding_line"].flatMap { reader.string($0, "demands", "funding_line") }
            var demand = Demand(id: entry.key, text: text, target: target, funding: funding, fundingLine: line)
            demand.textVariants = variants(f, "text", "demands")
            return demand
        }
    }

    /// The language variants of `key` (`label.fr: ...`), suffix (lowercased) to text.
    func variants(_ f: Fields, _ key: String, _ code: String) -> [String: String] {
        var out: [String: String] = [:]
        for e in f.entries where e.key.hasPrefix(key + ".") {
            if let text = reader.string(e.value, code, e.key) { out[String(e.key.dropFirst(key.count + 1)).lowercased()] = text }
        }
        return out
    }

    /// `prompts:` of `{care, cause, change}` and their `.xx` variants, as written.
    func prompts(_ node: Node?) -> [String: String] {
        guard let node, let f = reader.fields(node, "prompts", Shapes.prompts) else { return [:] }
        var out: [String: String] = [:]
        for e in f.entries { if let text = reader.string(e.value, "prompts", e.key) { out[e.key] = text } }
        return out
    }

    /// The node of a section the campaign must declare, with at least one entry; `nil` after
    /// reporting that it is missing (at the top level) or empty.
    private func atLeastOne(_ node: Node?, root: Node, _ key: String, _ item: String, _ what: String, hint: String) -> Node? {
        guard let node else {
            sink.error(root, key, "the campaign needs '\(key)', \(what)", hint: hint)
            return nil
        }
        let isEmpty: Bool
        if case .mapping(let m) = node { isEmpty = m.count == 0 } else { isEmpty = NodeText.isNull(node) }
        if isEmpty {
            sink.error(node, key, "declare at least one \(item)")
            return nil
        }
        return node
    }

    /// `areas:` of `{label}`.
    func areas(_ node: Node?) -> [Area] {
        guard let node, let entries = reader.entries(node, "areas", "areas") else { return [] }
        return entries.compactMap { entry -> Area? in
            guard let f = reader.fields(entry.value, "areas", Shapes.area),
                  let label = f["label"].flatMap({ reader.string($0, "areas", "label") }) else { return nil }
            var area = Area(id: entry.key, label: label)
            area.labelVariants = variants(f, "label", "areas")
            return area
        }
    }

    /// `windows:` of `{kind, from, to}`; `to` is inclusive and may not come before `from`.
    func windows(_ node: Node?) -> [(window: Window, node: Node)] {
        guard let node, let entries = reader.entries(node, "windows", "windows") else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, "windows", Shapes.window) else { return nil }
            let kind = f["kind"].flatMap { reader.string($0, "windows", "kind") }
            let from = f["from"].flatMap { reader.date($0, "windows", "from") }
            let to = f["to"].flatMap { reader.date($0, "windows", "to") }
            guard let kind, let from, let to, let toNode = f["to"] else { return nil }
            guard from <= to else {
                sink.error(toNode, "windows", "window '\(entry.key)' ends (\(to)) before it begins (\(from))")
                return nil
            }
            return (Window(id: entry.key, kind: kind, from: from, to: to), entry.keyNode)
        }
    }
}
