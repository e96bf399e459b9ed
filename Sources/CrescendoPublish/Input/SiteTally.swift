import CrescendoCore

/// What the public pages need from the ledger's entries, kept entry by entry instead of the
/// entries themselves: entry counts and totals per ISO week, area and metric (the finest
/// cells; every total the pages show is added up from them, and suppression is applied to
/// them when the site is rendered, see `PublicCounts`), every entry's instant in time order
/// (the growth chart's milestones) and the redacted stories of the entries that have free
/// text. A million W1 entries take about 8 bytes each here (their instants) and a few
/// thousand cells.
///
/// Adding an entry is a few dictionary updates; the order entries are added in does not
/// change the tally (entries come in seq order, a backfill goes where its instant is).
public struct SiteTally: Sendable {
    /// One finest cell: the entries of a week, area and metric.
    struct Cell: Sendable {
        var count = 0
        var total = Quantity.zero
    }

    /// Cells by week label, area key (a declared area or `PublicCounts.noArea`) and metric id.
    private(set) var cells: [String: [String: [String: Cell]]] = [:]
    /// Every entry's instant (seconds), ascending.
    private(set) var instants: [Int64] = []
    /// The stories (entries with free text), redacted, in seq order.
    private(set) var stories: [PublicStory] = []
    /// Whether an entry had no declared area.
    private(set) var anyNoArea = false
    private let declared: Set<String>
    private let zone: Zone
    private let campaign: Campaign
    private let redact: PublicRedactor
    /// Week labels by quarter hour since 1970 (every zone's offset is a whole number of
    /// quarter hours, so an instant's local week is its quarter hour's).
    private var weekOfQuarterHour: [Int64: String] = [:]

    /// An empty tally for a campaign's entries.
    public init(campaign: Campaign) {
        self.campaign = campaign
        zone = campaign.zone
        declared = Set(campaign.areas.map(\.id))
        redact = PublicRedactor(campaign: campaign)
    }

    /// The tally of `entries` (in any order).
    public init(campaign: Campaign, entries: [LedgerEntry]) {
        self.init(campaign: campaign)
        for e in entries { add(e) }
    }

    /// The number of entries counted.
    public var count: Int { instants.count }

    /// Every entry's instant, in time order.
    public var times: [Instant] { instants.map { Instant(seconds: $0) } }

    /// The first entry's instant.
    var first: Instant? { instants.first.map { Instant(seconds: $0) } }

    /// Counts one entry (as the ledger now reads it).
    public mutating func add(_ e: LedgerEntry) {
        let week = weekLabel(e.at)
        let area = e.area.flatMap { declared.contains($0) ? $0 : nil } ?? PublicCounts.noArea
        if area == PublicCounts.noArea { anyNoArea = true }
        var cell = cells[week]?[area]?[e.kind] ?? Cell()
        cell.count += 1
        cell.total = cell.total + e.quantity
        cells[week, default: [:]][area, default: [:]][e.kind] = cell
        let t = e.at.seconds
        if let last = instants.last, t < last {
            instants.insert(t, at: Self.insertionPoint(of: t, in: instants))
        } else {
            instants.append(t)
        }
        guard let story = PublicStory(e, campaign: campaign, redact: redact) else { return }
        if let last = stories.last, last.seq > story.seq {
            stories.insert(story, at: stories.firstIndex { $0.seq > story.seq }!)
        } else {
            stories.append(story)
        }
    }

    /// The ISO week label of an instant in the campaign's zone.
    private mutating func weekLabel(_ t: Instant) -> String {
        let q = t.seconds >= 0 ? t.seconds / 900 : -((-t.seconds + 899) / 900)
        if let w = weekOfQuarterHour[q] { return w }
        let w = zone.local(t).date.isoWeekLabel
        weekOfQuarterHour[q] = w
        return w
    }

    /// The index after every element not above `t` in an ascending array.
    static func insertionPoint(of t: Int64, in a: [Int64]) -> Int {
        var (lo, hi) = (0, a.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
