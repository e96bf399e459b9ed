import CrescendoCore
import CrescendoStore

/// The table form of stored entries for `ledger list` (the JSON form is `StoredEntry.json`).
enum EntryFormatting {
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
}
