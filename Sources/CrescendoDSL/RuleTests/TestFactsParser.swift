import Yams
import CrescendoCore

/// Reads a test's ledger entries (with `generate:`), indicator samples and responses.
struct TestFactsParser {
    /// The most entries one `generate:` may make.
    static let generateLimit: Int64 = 1_000_000

    let context: TestContext
    let code: String
    var reader: NodeReader { context.reader }

    func ledger(_ node: Node) -> [LedgerEntry] {
        guard let items = reader.list(node, code, "ledger") else { return [] }
        return items.flatMap { item -> [LedgerEntry] in
            if case .mapping(let m) = item, let generate = m["generate"] {
                if m.count > 1 { reader.sink.error(item, code, "'generate' stands alone in its list item") }
                return self.generate(generate)
            }
            guard let f = reader.fields(item, code, Shapes.ledgerEntry),
                  let at = f["at"].flatMap({ reader.instant($0, code, "at", zone: context.zone) }),
                  let entry = entry(f, at: at) else { return [] }
            return [entry]
        }
    }

    /// `{count, every, from, kind, quantity?, area?, demand?, care?, cause?, change?}`: `count`
    /// entries, the first at `from`, then one every `every`.
    private func generate(_ node: Node) -> [LedgerEntry] {
        guard let f = reader.fields(node, code, Shapes.generate),
              let count = f["count"].flatMap({ reader.int($0, code, "count", of: Shapes.generate) }),
              let every = f["every"].flatMap({ reader.positiveDuration($0, code, "every") }),
              let from = f["from"].flatMap({ reader.instant($0, code, "from", zone: context.zone) }),
              let template = entry(f, at: from) else { return [] }
        guard count <= Self.generateLimit else {
            reader.sink.error(f["count"] ?? node, code, "'count' may be at most \(Self.generateLimit)")
            return []
        }
        return (0..<count).map { i in
            var e = template
            e.at = from + TimeSpan(seconds: every.seconds * i)
            return e
        }
    }

    private func entry(_ f: Fields, at: Instant) -> LedgerEntry? {
        let declared = context.declared
        let kind = f["kind"].flatMap { reader.reference($0, code, "kind", .metric, in: declared) }
        var quantity = Quantity.one
        if let node = f["quantity"] {
            guard let text = NodeText.plain(node), let q = Quantity(parsing: text) else {
                reader.sink.error(node, code, "'quantity' must be a number with at most three decimals, not \(NodeText.describe(node))")
                return nil
            }
            quantity = q
        }
        let area = f["area"].flatMap { reader.reference($0, code, "area", .area, in: declared) }
        let demand = f["demand"].flatMap { reader.reference($0, code, "demand", .demand, in: declared) }
        let text = { (key: String) in f[key].flatMap { reader.string($0, code, key) } }
        guard let kind else { return nil }
        return LedgerEntry(at: at, kind: kind, quantity: quantity, area: area, demand: demand,
                           care: text("care"), cause: text("cause"), change: text("change"))
    }

    /// A series `{name, from, every, values: [...]}` or a single `{at, name, value}`.
    func indicators(_ node: Node) -> [IndicatorSample] {
        guard let items = reader.list(node, code, "indicators") else { return [] }
        let zone = context.zone
        return items.flatMap { item -> [IndicatorSample] in
            guard let f = reader.fields(item, code, Shapes.indicatorSample),
                  let name = f["name"].flatMap({ reader.reference($0, code, "name", .indicator, in: context.declared) }) else { return [] }
            if let valuesNode = f["values"] {
                for key in ["at", "value"] { if let k = f.keyNode(key) { reader.sink.error(k, code, "'\(key)' does not apply to a series (it has 'values')") } }
                guard let from = f["from"].flatMap({ reader.instant($0, code, "from", zone: zone) }),
                      let every = f["every"].flatMap({ reader.positiveDuration($0, code, "every") }),
                      let values = reader.list(valuesNode, code, "values") else {
                    if f["from"] == nil || f["every"] == nil { reader.sink.error(item, code, "a series needs 'from' and 'every'") }
                    return []
                }
                return values.enumerated().compactMap { i, v in
                    reader.number(v, code, "values").map { IndicatorSample(at: from + TimeSpan(seconds: every.seconds * Int64(i)), name: name, value: $0) }
                }
            }
            for key in ["from", "every"] { if let k = f.keyNode(key) { reader.sink.error(k, code, "'\(key)' applies only to a series with 'values'") } }
            guard let atNode = f["at"], let valueNode = f["value"] else {
                reader.sink.error(item, code, "a sample needs 'at' and 'value' (or 'from', 'every' and 'values' for a series)")
                return []
            }
            guard let at = reader.instant(atNode, code, "at", zone: zone), let value = reader.number(valueNode, code, "value") else { return [] }
            return [IndicatorSample(at: at, name: name, value: value)]
        }
    }

    /// `{deadline, at, text, win?: partial|full}`.
    func responses(_ node: Node) -> [Response] {
        guard let items = reader.list(node, code, "responses") else { return [] }
        return items.compactMap { item in
            guard let f = reader.fields(item, code, Shapes.response) else { return nil }
            let deadline = f["deadline"].flatMap { reader.int($0, code, "deadline", of: Shapes.response) }
            let at = f["at"].flatMap { reader.instant($0, code, "at", zone: context.zone) }
            let text = f["text"].flatMap { reader.string($0, code, "text") }
            let win = f["win"].flatMap { reader.choice($0, code, "win", of: Shapes.response) }
            guard let deadline, let at, let text, f["win"] == nil || win != nil else { return nil }
            return Response(at: at, deadline: Int(deadline), text: text, win: win.flatMap(Response.Win.init))
        }
    }
}
