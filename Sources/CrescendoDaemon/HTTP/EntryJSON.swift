import CrescendoCore
import CrescendoStore

/// A ledger entry as `GET /api/ledger` shows it: the CSV fields plus seq, recorded_at and hash.
enum EntryJSON {
    static func value(_ s: StoredEntry) -> JSONValue {
        let e = s.entry
        var f: [(String, JSONValue)] = [("seq", .int(s.seq)), ("at", .instant(e.at)), ("kind", .string(e.kind)),
                                        ("quantity", .number(e.quantity.double))]
        f.append(("area", .maybe(e.area)))
        f.append(("demand", .maybe(e.demand)))
        f.append(("care", .maybe(e.care)))
        f.append(("cause", .maybe(e.cause)))
        f.append(("change", .maybe(e.change)))
        if let c = s.corrects { f.append(("corrects", .int(c))); f.append(("correction_reason", .maybe(s.correctionReason))) }
        f.append(("recorded_at", .instant(s.recordedAt)))
        f.append(("hash", .string(s.hash)))
        return .object(f)
    }
}
