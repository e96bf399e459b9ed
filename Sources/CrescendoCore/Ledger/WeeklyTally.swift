/// Entries counted per ISO week (in the campaign's zone), kind and area, with small counts
/// suppressed for publication.
public struct WeeklyTally: Sendable {
    /// One cell of the tally.
    public struct Row: Hashable, Sendable {
        /// `2026-W05`.
        public var week: String
        public var kind: String
        /// The area, or `nil` for entries without one.
        public var area: String?
        public var entries: Int
        public var total: Quantity
        /// Whether `entries` is below the campaign's `privacy.min_count` (publish "fewer than N").
        public var suppressed: Bool
    }

    private struct Key: Hashable { var day: Int64; var kind: String; var area: String? }
    private let zone: Zone
    private var cells: [Key: (entries: Int, total: Quantity)] = [:]

    public init(zone: Zone) { self.zone = zone }

    /// Counts one entry.
    public mutating func add(_ e: LedgerEntry) {
        let day = zone.local(e.at).date
        let monday = day.adding(days: Int64(1 - day.isoWeekday)).daysSinceEpoch
        let key = Key(day: monday, kind: e.kind, area: e.area)
        var cell = cells[key] ?? (0, .zero)
        cell.entries += 1
        cell.total = cell.total + e.quantity
        cells[key] = cell
    }

    /// The rows by week, kind and area; `suppressed` marks counts below `minCount`.
    public func rows(minCount: Int) -> [Row] {
        cells.sorted { a, b in
            (a.key.day, a.key.kind, a.key.area ?? "") < (b.key.day, b.key.kind, b.key.area ?? "")
        }.map { key, cell in
            Row(week: CivilDate(daysSinceEpoch: key.day).isoWeekLabel, kind: key.kind, area: key.area,
                entries: cell.entries, total: cell.total, suppressed: cell.entries < minCount)
        }
    }
}
