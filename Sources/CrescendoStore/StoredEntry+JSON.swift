import CrescendoCore

extension StoredEntry {
    /// The one JSON shape of a stored entry, for `GET /api/ledger` and `ledger list --format
    /// json` alike: `seq`, `at`, `kind`, `quantity`, `area`, `demand`, `care`, `cause`, `change`
    /// (absent ones `null`), then for a correction `corrects` and `correction_reason`, then
    /// `recorded_at` and `hash`.
    public var json: JSONValue {
        let e = entry
        var f: [(String, JSONValue)] = [("seq", .int(seq)), ("at", .instant(e.at)), ("kind", .string(e.kind)),
                                        ("quantity", .number(e.quantity.double)),
                                        ("area", .maybe(e.area)), ("demand", .maybe(e.demand)),
                                        ("care", .maybe(e.care)), ("cause", .maybe(e.cause)), ("change", .maybe(e.change))]
        if let c = corrects { f.append(("corrects", .int(c))); f.append(("correction_reason", .maybe(correctionReason))) }
        f.append(("recorded_at", .instant(recordedAt)))
        f.append(("hash", .string(hash)))
        return .object(f)
    }
}
