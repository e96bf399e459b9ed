import CrescendoCore

/// Entry counts and metric totals by ISO week, area and metric, with every cell suppressed
/// as `Suppression` describes, jointly across all tables that are published, so that a cell
/// withheld in one table is withheld in every other.
///
/// Areas are only the campaign's declared areas; entries without one (or with an area that
/// was not declared) count under `PublicCounts.noArea`. A campaign that declares no areas is
/// never broken down by area.
public struct PublicCounts: Sendable {
    /// The area key of entries without a declared area.
    public static let noArea = "-"
    /// The key for "all" in any position.
    public static let all = "*"

    /// ISO weeks from the first entry's to `now`'s, in order (`2027-W01`).
    public let weeks: [String]
    /// Declared area ids in campaign order, then `noArea` when any entry has none.
    public let areas: [String]
    /// Metric ids in campaign order.
    public let metrics: [String]
    private let cells: [String: Disclosed]
    private let totals: [String: Quantity]

    /// Counts `entries` in `campaign`'s zone up to the week of `now`.
    public init(campaign: Campaign, entries: [LedgerEntry], now: Instant) {
        self.init(campaign: campaign, tally: SiteTally(campaign: campaign, entries: entries), now: now)
    }

    /// The counts of a tally's cells up to the week of `now`: every total is added up from
    /// the finest cells, then suppressed.
    public init(campaign: Campaign, tally: SiteTally, now: Instant) {
        let zone = campaign.zone
        var metrics = campaign.metrics.map(\.id)
        let tallied = tally.cells
        var kinds = Set<String>()
        for byArea in tallied.values { for byKind in byArea.values { kinds.formUnion(byKind.keys) } }
        metrics += kinds.subtracting(metrics).sorted()
        var counts: [String: Int] = [:]
        var totals: [String: Quantity] = [:]
        let weekSet = Set(tallied.keys)
        let anyNoArea = tally.anyNoArea
        for (week, byArea) in tallied {
            for (area, byKind) in byArea {
                for (kind, cell) in byKind {
                    for key in [Self.key(week, area, kind), Self.key(week, Self.all, kind), Self.key(week, area, Self.all),
                                Self.key(week, Self.all, Self.all), Self.key(Self.all, Self.all, kind), Self.key(Self.all, Self.all, Self.all)] {
                        counts[key, default: 0] += cell.count
                        totals[key, default: .zero] = totals[key, default: .zero] + cell.total
                    }
                }
            }
        }
        let weeks = Self.weekRange(from: tally.first, to: now, zone: zone, seen: weekSet)
        let areas = campaign.areas.map(\.id) + (anyNoArea || campaign.areas.isEmpty ? [Self.noArea] : [])
        var lines: [Suppression.Line] = []
        for w in weeks {
            for m in metrics { lines.append(.init(parts: areas.map { Self.key(w, $0, m) }, total: Self.key(w, Self.all, m))) }
            for a in areas { lines.append(.init(parts: metrics.map { Self.key(w, a, $0) }, total: Self.key(w, a, Self.all))) }
            lines.append(.init(parts: metrics.map { Self.key(w, Self.all, $0) }, total: Self.key(w, Self.all, Self.all)))
            lines.append(.init(parts: areas.map { Self.key(w, $0, Self.all) }, total: Self.key(w, Self.all, Self.all)))
        }
        for m in metrics { lines.append(.init(parts: weeks.map { Self.key($0, Self.all, m) }, total: Self.key(Self.all, Self.all, m))) }
        lines.append(.init(parts: metrics.map { Self.key(Self.all, Self.all, $0) }, total: Self.key(Self.all, Self.all, Self.all)))
        lines.append(.init(parts: weeks.map { Self.key($0, Self.all, Self.all) }, total: Self.key(Self.all, Self.all, Self.all)))
        var values: [String: Int] = [:]
        for line in lines { for k in line.parts + [line.total] { values[k] = counts[k] ?? 0 } }
        self.weeks = weeks
        self.areas = areas
        self.metrics = metrics
        self.totals = totals
        cells = Suppression(values: values, lines: lines, pinned: [Self.key(Self.all, Self.all, Self.all)])
            .solve(minCount: campaign.privacy.minCount)
    }

    /// The number of entries in a cell; `nil` for any dimension means all of it.
    public func entries(week: String? = nil, area: String? = nil, metric: String? = nil) -> Disclosed {
        cells[Self.key(week ?? Self.all, area ?? Self.all, metric ?? Self.all)] ?? .count(0)
    }

    /// The total quantity of a cell, only when its entry count is published.
    public func quantity(week: String? = nil, area: String? = nil, metric: String? = nil) -> Quantity? {
        guard entries(week: week, area: area, metric: metric).value != nil else { return nil }
        return totals[Self.key(week ?? Self.all, area ?? Self.all, metric ?? Self.all)] ?? .zero
    }

    static func key(_ week: String, _ area: String, _ metric: String) -> String { "\(week)|\(area)|\(metric)" }

    /// Every ISO week from the first entry's to `now`'s (at most the weeks seen when `now` is earlier).
    static func weekRange(from first: Instant?, to now: Instant, zone: Zone, seen: Set<String>) -> [String] {
        guard let first else { return [] }
        var day = monday(zone.local(first).date)
        let last = max(monday(zone.local(now).date), monday(zone.local(first).date))
        var out: [String] = []
        while day <= last { out.append(day.isoWeekLabel); day = day.adding(days: 7) }
        for w in seen where !out.contains(w) { out.append(w) }
        return out.sorted()
    }

    static func monday(_ d: CivilDate) -> CivilDate { d.adding(days: Int64(1 - d.isoWeekday)) }
}
