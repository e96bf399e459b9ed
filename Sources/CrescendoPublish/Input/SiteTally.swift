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
/// change the tally (entries come in seq order, a backfill goes where its instant is), and
/// `remove` takes an entry back (a correction's old values), leaving the tally one built
/// without it.
public struct SiteTally: Sendable {
    /// One finest cell: the entries of a week, area and metric.
    struct Cell: Sendable {
        var count = 0
        var total = Quantity.zero

        mutating func add(_ quantity: Quantity) {
            count += 1
            total = total + quantity
        }

        mutating func remove(_ quantity: Quantity) {
            count -= 1
            total = total - quantity
        }
    }

    /// A cell's week, area and kind, by their numbers in `weeks`, `areas` and `kinds`.
    struct CellKey: Hashable, Sendable {
        var week: Int32, area: Int32, kind: Int32
    }

    /// Cells by week label, area key (a declared area or `PublicCounts.noArea`) and metric id,
    /// made from the flat cells when the site is rendered (a few thousand of them).
    var cells: [String: [String: [String: Cell]]] {
        var out: [String: [String: [String: Cell]]] = [:]
        for (key, cell) in flat {
            out[weeks[Int(key.week)], default: [:]][areas[Int(key.area)], default: [:]][kinds[Int(key.kind)]] = cell
        }
        return out
    }
    /// The cells by week, area and kind number: adding an entry hashes its kind and area once
    /// each, not the nested dictionaries' keys on the way down and back (that was half of the
    /// site's first read of a million entries, measured with perf).
    private var flat: [CellKey: Cell] = [:]
    private var weeks: [String] = []
    private var weekNumbers: [String: Int] = [:]
    /// The declared areas, then `PublicCounts.noArea` (number `noArea`), by number.
    private let areas: [String]
    private let areaNumbers: [String: Int]
    private let noArea: Int
    private var kinds: [String] = []
    private var kindNumbers: [String: Int] = [:]
    /// The last quarter hour seen and its week's number (entries come mostly in time order).
    private var lastQuarter: (quarter: Int64, week: Int) = (.min, 0)
    /// Every entry's instant (seconds), ascending.
    private(set) var instants: [Int64] = []
    /// The stories (entries with free text), redacted, in seq order.
    private(set) var stories: [PublicStory] = []
    /// The number of entries counted with no declared area.
    private var noAreaCount = 0
    /// Whether an entry had no declared area.
    var anyNoArea: Bool { noAreaCount > 0 }
    private let zone: Zone
    private let campaign: Campaign
    private let redact: PublicRedactor
    /// Week labels by quarter hour since 1970 (every zone's offset is a whole number of
    /// quarter hours, so an instant's local week is its quarter hour's).
    private var weekOfQuarterHour: [Int64: Int] = [:]

    /// An empty tally for a campaign's entries.
    public init(campaign: Campaign) {
        self.campaign = campaign
        zone = campaign.zone
        areas = Array(Set(campaign.areas.map(\.id)).subtracting([PublicCounts.noArea])) + [PublicCounts.noArea]
        areaNumbers = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        noArea = areas.count - 1
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
        let week = weekNumber(e.at)
        let area = e.area.flatMap { areaNumbers[$0] } ?? noArea
        if area == noArea { noAreaCount += 1 }
        let key = CellKey(week: Int32(week), area: Int32(area), kind: Int32(Self.number(of: e.kind, in: &kinds, &kindNumbers)))
        flat[key, default: Cell()].add(e.quantity)
        let t = e.at.seconds
        if let last = instants.last, t < last {
            instants.insert(t, at: Self.insertionPoint(of: t, in: instants))
        } else {
            instants.append(t)
        }
        // Most entries have no free text: no story, and no copy of the campaign to find out.
        guard e.care != nil || e.cause != nil || e.change != nil,
              let story = PublicStory(e, campaign: campaign, redact: redact) else { return }
        if let last = stories.last, last.seq > story.seq {
            stories.insert(story, at: stories.firstIndex { $0.seq > story.seq }!)
        } else {
            stories.append(story)
        }
    }

    /// Takes back an entry counted with these values (the values it was added with): its
    /// cell's count and total (a cell left empty goes), its instant and its story.
    public mutating func remove(_ e: LedgerEntry) {
        let area = e.area.flatMap { areaNumbers[$0] } ?? noArea
        let key = CellKey(week: Int32(weekNumber(e.at)), area: Int32(area), kind: Int32(Self.number(of: e.kind, in: &kinds, &kindNumbers)))
        guard var cell = flat[key], cell.count > 0 else { return }
        if area == noArea { noAreaCount -= 1 }
        cell.remove(e.quantity)
        flat[key] = cell.count == 0 ? nil : cell
        let t = e.at.seconds
        let i = Self.insertionPoint(of: t, in: instants)
        if i > 0, instants[i - 1] == t { instants.remove(at: i - 1) }
        stories.removeAll { $0.seq == e.seq }
    }

    /// The number of an ISO week label (in `weeks`) of an instant in the campaign's zone.
    private mutating func weekNumber(_ t: Instant) -> Int {
        let q = t.seconds >= 0 ? t.seconds / 900 : -((-t.seconds + 899) / 900)
        if q == lastQuarter.quarter { return lastQuarter.week }
        let week: Int
        if let w = weekOfQuarterHour[q] {
            week = w
        } else {
            week = Self.number(of: zone.local(t).date.isoWeekLabel, in: &weeks, &weekNumbers)
            weekOfQuarterHour[q] = week
        }
        lastQuarter = (q, week)
        return week
    }

    /// The number of `name` in `names`, added when new.
    private static func number(of name: String, in names: inout [String], _ numbers: inout [String: Int]) -> Int {
        if let n = numbers[name] { return n }
        numbers[name] = names.count
        names.append(name)
        return names.count - 1
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
