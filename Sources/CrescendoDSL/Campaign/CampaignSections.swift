import Yams
import CrescendoCore

/// Reads the declaration sections of a campaign file (section 2 and 10). Each reader reports
/// problems and returns what was well-formed, so that references can still be checked.
struct CampaignSections {
    let reader: NodeReader
    var sink: DiagnosticSink { reader.sink }

    /// `metrics:` (at least one) of `{label, unit}`.
    func metrics(_ node: Node?, root: Node) -> [Metric] {
        guard let node else {
            sink.error(root, "metrics", "the campaign needs 'metrics', what the ledger counts",
                       hint: "e.g. metrics: { masks: { label: Masks distributed, unit: masks } }")
            return []
        }
        if isEmptyMapping(node) {
            sink.error(node, "metrics", "declare at least one metric")
            return []
        }
        return labelled(node, "metrics", "a metric").map { Metric(id: $0.id, label: $0.label, unit: $0.unit) }
    }

    /// `indicators:` of `{label, unit}`.
    func indicators(_ node: Node?) -> [IndicatorDefinition] {
        guard let node else { return [] }
        return labelled(node, "indicators", "an indicator").map { IndicatorDefinition(id: $0.id, label: $0.label, unit: $0.unit) }
    }

    private func labelled(_ node: Node, _ code: String, _ name: String) -> [(id: String, label: String, unit: String)] {
        guard let entries = reader.entries(node, code, code) else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, code, name, keys: ["label", "unit"], required: ["label", "unit"]),
                  let label = f["label"].flatMap({ reader.string($0, code, "label") }),
                  let unit = f["unit"].flatMap({ reader.string($0, code, "unit") }) else { return nil }
            return (entry.key, label, unit)
        }
    }

    /// `demands:` (at least one) of `{text, target, funding, funding_line?}`.
    func demands(_ node: Node?, root: Node) -> [Demand] {
        guard let node else {
            sink.error(root, "demands", "the campaign needs 'demands', what would make the care unnecessary",
                       hint: "each demand names who must act (target) and who pays (funding)")
            return []
        }
        if isEmptyMapping(node) {
            sink.error(node, "demands", "declare at least one demand")
            return []
        }
        guard let entries = reader.entries(node, "demands", "demands") else { return [] }
        return entries.compactMap { entry in
            let keys = ["text", "target", "funding", "funding_line"]
            guard let f = reader.fields(entry.value, "demands", "a demand", keys: keys, required: ["text", "target", "funding"]),
                  let text = f["text"].flatMap({ reader.string($0, "demands", "text") }),
                  let target = f["target"].flatMap({ reader.string($0, "demands", "target") }),
                  let funding = f["funding"].flatMap({ reader.string($0, "demands", "funding") }) else { return nil }
            let line = f["funding_line"].flatMap { reader.string($0, "demands", "funding_line") }
            return Demand(id: entry.key, text: text, target: target, funding: funding, fundingLine: line)
        }
    }

    private func isEmptyMapping(_ node: Node) -> Bool {
        if case .mapping(let m) = node { return m.count == 0 }
        return NodeText.isNull(node)
    }

    /// `areas:` of `{label}`.
    func areas(_ node: Node?) -> [Area] {
        guard let node, let entries = reader.entries(node, "areas", "areas") else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, "areas", "an area", keys: ["label"], required: ["label"]),
                  let label = f["label"].flatMap({ reader.string($0, "areas", "label") }) else { return nil }
            return Area(id: entry.key, label: label)
        }
    }

    /// `windows:` of `{kind, from, to}`; `to` is inclusive and may not come before `from`.
    func windows(_ node: Node?) -> [(window: Window, node: Node)] {
        guard let node, let entries = reader.entries(node, "windows", "windows") else { return [] }
        return entries.compactMap { entry in
            guard let f = reader.fields(entry.value, "windows", "a window", keys: ["kind", "from", "to"], required: ["kind", "from", "to"]) else { return nil }
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
