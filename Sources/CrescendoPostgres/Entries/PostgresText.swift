import CrescendoCore
import CrescendoStore

/// What PostgreSQL's text cannot hold: U+0000. SQLite can, so an entry with it is refused on
/// PostgreSQL with a message naming the field, before anything is written (and a copy from a
/// SQLite ledger holding one stops, naming it).
enum PostgresText {
    static func nul(_ field: String) -> StoreError {
        .unsupportedText(field: field, reason: "contains the character U+0000 (NUL)")
    }

    /// Throws for the first text field of `e` (or `reason`) holding U+0000.
    static func check(_ e: LedgerEntry, reason: String?) throws {
        let fields: [(String, String?)] = [("kind", e.kind), ("area", e.area), ("demand", e.demand), ("care", e.care),
                                           ("cause", e.cause), ("change", e.change), ("reason", reason)]
        for (name, text) in fields where text?.utf8.contains(0) == true { throw nul(name) }
    }
}
