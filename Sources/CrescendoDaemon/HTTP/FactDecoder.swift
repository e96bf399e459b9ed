import CrescendoCore
import CrescendoStore

/// Reads the JSON of `POST /api/entries`, `/api/responses` and `/api/indicators` into facts,
/// checked against the ledger's campaign. Every refusal is a 422 naming the field (and the
/// item's index in a batch).
struct FactDecoder {
    let campaign: Campaign
    let now: Instant
    /// The most items one request may carry.
    static let maxBatch = 1000
    /// How far in the future an `at` may be (clock skew), in seconds.
    var futureTolerance: Int64 = 60

    /// One object or an array of them, each checked by `item`; a batch is all or nothing.
    func items<T>(_ body: JSONValue, _ item: (JSONValue, Int?) throws -> T) throws -> [T] {
        switch body {
        case .array(let list):
            guard !list.isEmpty else { throw APIError(.unprocessableContent, "the batch is empty") }
            guard list.count <= Self.maxBatch else {
                throw APIError(.unprocessableContent, "the batch has \(list.count) items, more than \(Self.maxBatch); send smaller batches")
            }
            return try list.enumerated().map { try item($0.element, $0.offset) }
        case .object:
            return [try item(body, nil)]
        default:
            throw APIError(.unprocessableContent, "the body must be a JSON object or an array of objects")
        }
    }

    /// A ledger entry: `at` (default now), `kind`, `quantity` (default 1), `area`, `demand`,
    /// `care`, `cause`, `change`; and whether it had no `at` (it is then stamped at commit).
    func entry(_ v: JSONValue, index: Int?) throws -> (entry: LedgerEntry, stampNow: Bool) {
        let fields = try object(v, index, known: ["at", "kind", "quantity", "area", "demand", "care", "cause", "change"])
        guard let kind = try text(fields, "kind", index) else { throw APIError.invalid("kind is required", field: "kind", index: index) }
        var e = LedgerEntry(at: try at(fields, index), kind: kind)
        if let q = fields["quantity"] {
            switch q {
            case .number(let d):
                guard d.isFinite, abs(d) < 1e12 else { throw APIError.invalid("quantity is out of range", field: "quantity", index: index) }
                e.quantity = Quantity(double: d)
            case .string(let s):
                guard let parsed = Quantity(parsing: s) else { throw APIError.invalid("quantity \"\(s)\" is not a number", field: "quantity", index: index) }
                e.quantity = parsed
            case .null: break
            default: throw APIError.invalid("quantity must be a number", field: "quantity", index: index)
            }
            guard e.quantity.milli >= 0 else { throw APIError.invalid("quantity must not be negative", field: "quantity", index: index) }
        }
        e.area = try text(fields, "area", index)
        e.demand = try text(fields, "demand", index)
        e.care = try text(fields, "care", index)
        e.cause = try text(fields, "cause", index)
        e.change = try text(fields, "change", index)
        // The checks `ledger add` and `ledger correct` make, with their messages.
        if let problem = EntryLimits.problem(with: e) ?? campaign.problem(with: e) {
            throw APIError.invalid(problem.message, field: problem.field, index: index)
        }
        return (e, fields["at"] == nil || fields["at"] == .null)
    }

    /// A response to a deadline: `deadline` (its number), `text`, `at` (default now), `win`.
    func response(_ v: JSONValue, index: Int?) throws -> Response {
        let fields = try object(v, index, known: ["at", "deadline", "text", "win"])
        guard case .number(let d)? = fields["deadline"], d == d.rounded(), d >= 1, d < 1e9 else {
            throw APIError.invalid("deadline must be a deadline number, 1 or more", field: "deadline", index: index)
        }
        guard let text = try text(fields, "text", index) else { throw APIError.invalid("text is required", field: "text", index: index) }
        if let problem = EntryLimits.problem("text", text, limit: EntryLimits.freeText) {
            throw APIError.invalid(problem.message, field: "text", index: index)
        }
        var win: Response.Win?
        if let w = try self.text(fields, "win", index) {
            guard let parsed = Response.Win(rawValue: w) else { throw APIError.invalid("win is partial or full, not \"\(w)\"", field: "win", index: index) }
            win = parsed
        }
        return Response(at: try at(fields, index), deadline: Int(d), text: text, win: win)
    }

    /// An indicator sample: `name` (a declared indicator), `value`, `at` (default now).
    func indicator(_ v: JSONValue, index: Int?) throws -> IndicatorSample {
        let fields = try object(v, index, known: ["at", "name", "value"])
        guard let name = try text(fields, "name", index) else { throw APIError.invalid("name is required", field: "name", index: index) }
        guard campaign.indicators.contains(where: { $0.id == name }) else {
            throw APIError.invalid("undeclared indicator \"\(name)\" (declared: \(campaign.indicators.map(\.id).joined(separator: ", ")))", field: "name", index: index)
        }
        guard case .number(let value)? = fields["value"], value.isFinite else {
            throw APIError.invalid("value must be a number", field: "value", index: index)
        }
        return IndicatorSample(at: try at(fields, index), name: name, value: value)
    }

    private func object(_ v: JSONValue, _ index: Int?, known: Set<String>) throws -> [String: JSONValue] {
        guard case .object(let list) = v else { throw APIError(.unprocessableContent, "each item must be a JSON object", index: index) }
        var fields: [String: JSONValue] = [:]
        // Unknown fields are ignored, as unknown CSV columns are.
        for (k, value) in list where known.contains(k) { fields[k] = value }
        return fields
    }

    /// A string field; absent, null and "" read as nil.
    private func text(_ fields: [String: JSONValue], _ name: String, _ index: Int?) throws -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let s)?:
            guard !EntryHasher.refuses(s) else { throw APIError.invalid("\(name) contains the control character U+001F", field: name, index: index) }
            return s.isEmpty ? nil : s
        default: throw APIError.invalid("\(name) must be a string", field: name, index: index)
        }
    }

    private func at(_ fields: [String: JSONValue], _ index: Int?) throws -> Instant {
        guard let s = try text(fields, "at", index) else { return now }
        guard let t = TimeParsing.instant(s, zone: campaign.zone) else {
            throw APIError.invalid("at \"\(s)\" is not a date or date-time (2027-01-04T09:00, with an optional offset)", field: "at", index: index)
        }
        guard t.seconds <= now.seconds + futureTolerance else {
            throw APIError.invalid("at \(t) is in the future; record acts of care once they happened", field: "at", index: index)
        }
        return t
    }
}
