/// How long an entry's text may be, wherever it comes from (the API, the web app, `ledger
/// add`, `ledger correct`, `ledger import`): `care`, `cause` and `change` at most 2,000
/// characters each, `kind`, `area` and `demand` at most 200. Characters are counted as a
/// person sees them (grapheme clusters), and a field's UTF-8 may be at most four times its
/// limit, so no text can hide a megabyte in a few combined characters.
public enum EntryLimits {
    public static let freeText = 2000
    public static let code = 200

    /// The first field over its limit, or nil.
    public static func problem(with entry: LedgerEntry) -> EntryProblem? {
        let fields: [(String, String?, Int)] = [
            ("kind", entry.kind, code), ("area", entry.area, code), ("demand", entry.demand, code),
            ("care", entry.care, freeText), ("cause", entry.cause, freeText), ("change", entry.change, freeText),
        ]
        for (name, value, limit) in fields {
            if let problem = problem(name, value, limit: limit) { return problem }
        }
        return nil
    }

    /// Whether one text field is over `limit`.
    public static func problem(_ field: String, _ value: String?, limit: Int) -> EntryProblem? {
        guard let value else { return nil }
        let bytes = value.utf8.count
        guard bytes > limit else { return nil }
        let count = value.count
        guard count > limit || bytes > 4 * limit else { return nil }
        let measure = count > limit ? "\(count) characters" : "\(bytes) bytes of UTF-8"
        return EntryProblem(field: field, message: "\(field) is \(measure), more than the \(limit) characters it may hold")
    }
}
