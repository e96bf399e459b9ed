import CrescendoCore
import CrescendoStore

/// Text and JSON forms of stored entries for `ledger list`.
enum EntryFormatting {
    /// One JSON object; absent fields are left out.
    static func json(_ s: StoredEntry) -> String {
        let e = s.entry
        var fields = ["\"seq\":\(e.seq)", "\"at\":\(quote(e.at.iso8601))", "\"recorded_at\":\(quote(s.recordedAt.iso8601))",
                      "\"kind\":\(quote(e.kind))", "\"quantity\":\(e.quantity)"]
        for (name, value) in [("area", e.area), ("demand", e.demand), ("care", e.care), ("cause", e.cause), ("change", e.change)] {
            if let value { fields.append("\(quote(name)):\(quote(value))") }
        }
        if let c = s.corrects { fields.append("\"corrects\":\(c)") }
        if let r = s.correctionReason { fields.append("\"correction_reason\":\(quote(r))") }
        fields.append("\"hash\":\(quote(s.hash))")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A table with a header row.
    static func table(_ entries: [StoredEntry]) -> String {
        var rows = [["seq", "at", "kind", "quantity", "area", "demand", "care", "corrects"]]
        for s in entries {
            let e = s.entry
            rows.append([String(e.seq), e.at.iso8601, e.kind, e.quantity.description, e.area ?? "", e.demand ?? "",
                         e.care ?? "", s.corrects.map { "\($0): \(s.correctionReason ?? "")" } ?? ""])
        }
        return TextTable.render(rows)
    }

    /// A JSON string literal (Core's escaping, shared with `simulate --format json`).
    static func quote(_ s: String) -> String { jsonString(s) }
}
