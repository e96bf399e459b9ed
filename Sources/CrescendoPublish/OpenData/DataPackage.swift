import CrescendoCore

/// A Frictionless tabular data package: `datapackage.json`, one CSV per ISO week (entries
/// and totals by area and metric, suppressed as on the pages) and the money flows, each with
/// its table schema.
enum DataPackage {
    static let weeklyHeader = ["week", "area", "area_label", "metric", "metric_label", "entries", "quantity", "disclosure"]

    /// Path to file text for the package and its resources.
    static func files(_ m: SiteModel) -> [String: String] {
        var files: [String: String] = [:]
        var resources: [JSONValue] = []
        for week in m.counts.weeks {
            let path = "data/weekly-\(week).csv"
            files[path] = CSVWriter.render(header: weeklyHeader, rows: weeklyRows(m, week: week))
            resources.append(resource(name: "weekly-\(week.lowercased())", path: path, title: "Entries in week \(week)",
                                      schema: weeklySchema(m)))
        }
        let flowPath = "data/money-flows.csv"
        files[flowPath] = CSVWriter.render(header: ["date", "from", "to", "category", "amount", "currency", "source"],
                                           rows: flowRows(m))
        resources.append(resource(name: "money-flows", path: flowPath, title: "Money flows", schema: flowSchema))
        let package = JSONValue.object([
            ("profile", .string("tabular-data-package")),
            ("name", .string(m.campaign.id)),
            ("title", .string(m.campaign.title)),
            ("description", .string("The public side of the Care Ledger: weekly counts by area and metric, and money flows. Counts below \(m.minCount) are given as “fewer than \(m.minCount)”, and counts that would let one be worked out are withheld; both leave the number blank and say why in `disclosure`.")),
            ("created", .string(m.data.now.iso8601)),
            ("resources", .array(resources)),
        ])
        files["datapackage.json"] = package.prettyText
        return files
    }

    static func weeklyRows(_ m: SiteModel, week: String) -> [[String]] {
        var rows: [[String]] = []
        for area in m.counts.areas + [PublicCounts.all] {
            for metric in m.counts.metrics + [PublicCounts.all] {
                let a = area == PublicCounts.all ? nil : area, k = metric == PublicCounts.all ? nil : metric
                let n = m.counts.entries(week: week, area: a, metric: k)
                let q = k == nil ? nil : m.counts.quantity(week: week, area: a, metric: k)
                rows.append([week, area == PublicCounts.all ? "all" : area, a.map(m.areaLabel) ?? "All areas",
                             metric == PublicCounts.all ? "all" : metric, k.map(m.metricLabel) ?? "All metrics",
                             n.value.map(String.init) ?? "", q?.description ?? "", n.disclosure])
            }
        }
        return rows
    }

    static func flowRows(_ m: SiteModel) -> [[String]] {
        m.data.moneyFlows.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }.map { _, f in
            [f.date.iso8601, m.redact(f.from), m.redact(f.to), f.category.rawValue, f.amount.description, f.currency, m.redact(f.source)]
        }
    }

    static func resource(name: String, path: String, title: String, schema: JSONValue) -> JSONValue {
        .object([("name", .string(name)), ("path", .string(path)), ("title", .string(title)),
                 ("profile", .string("tabular-data-resource")), ("format", .string("csv")),
                 ("mediatype", .string("text/csv")), ("encoding", .string("utf-8")), ("schema", schema)])
    }

    static func field(_ name: String, _ type: String, _ description: String, constraints: [(String, JSONValue)] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(type)), ("description", .string(description))]
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }

    static func weeklySchema(_ m: SiteModel) -> JSONValue {
        let disclosures = ["exact", "fewer than \(m.minCount)", "withheld"].map(JSONValue.string)
        return .object([
            ("fields", .array([
                field("week", "string", "ISO 8601 week in the campaign's time zone", constraints: [("required", .bool(true)), ("pattern", .string("[0-9]{4}-W[0-9]{2}"))]),
                field("area", "string", "A declared area code, `-` for entries without one, or `all`"),
                field("area_label", "string", "The area's name"),
                field("metric", "string", "A metric id, or `all`"),
                field("metric_label", "string", "The metric's name"),
                field("entries", "integer", "Number of ledger entries; blank when not disclosed", constraints: [("minimum", .int(0))]),
                field("quantity", "number", "Total quantity counted; blank when not disclosed or for all metrics"),
                field("disclosure", "string", "exact, fewer than \(m.minCount), or withheld", constraints: [("enum", .array(disclosures))]),
            ])),
            ("missingValues", .array([.string("")])),
            ("primaryKey", .array([.string("week"), .string("area"), .string("metric")])),
        ])
    }

    static let flowSchema = JSONValue.object([
        ("fields", .array([
            field("date", "date", "The date of the flow"),
            field("from", "string", "Who pays"),
            field("to", "string", "Who receives"),
            field("category", "string", "What kind of flow", constraints: [("enum", .array(MoneyFlow.Category.allCases.map { .string($0.rawValue) }))]),
            field("amount", "number", "The amount"),
            field("currency", "string", "ISO 4217 currency code"),
            field("source", "string", "Where the figure comes from"),
        ])),
        ("missingValues", .array([.string("")])),
    ])
}
