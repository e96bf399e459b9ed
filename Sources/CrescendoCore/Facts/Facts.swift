/// One act of care in the ledger: care, cause, change.
public struct LedgerEntry: Hashable, Sendable {
    /// The entry's number in the ledger (1, 2, ...); 0 until it is numbered.
    public var seq: Int64
    public var at: Instant
    /// A metric id: what was counted.
    public var kind: String
    public var quantity: Quantity
    public var area: String?
    public var demand: String?
    public var care: String?
    public var cause: String?
    public var change: String?

    @inlinable
    public init(seq: Int64 = 0, at: Instant, kind: String, quantity: Quantity = .one, area: String? = nil,
                demand: String? = nil, care: String? = nil, cause: String? = nil, change: String? = nil) {
        self.seq = seq; self.at = at; self.kind = kind; self.quantity = quantity; self.area = area
        self.demand = demand; self.care = care; self.cause = cause; self.change = change
    }

    /// The entry's value on a dimension (`per:` and `where:`).
    @inlinable public func value(_ d: Dimension) -> String? {
        switch d {
        case .area: return area
        case .demand: return demand
        case .kind: return kind
        }
    }
}

/// Where an entry's kind, area and demand stand among its campaign's declarations (indexes into
/// `metrics`, `areas` and `demands`), worked out where the entry is read (the CSV reader checks
/// them there anyway) so that the engine need not look the strings up again. -1 means not known:
/// the engine then looks the string up itself. Keys must come from the engine's own campaign.
public struct EntryKeys: Hashable, Sendable {
    public var metric: Int32
    public var area: Int32
    public var demand: Int32
    @inlinable
    public init(metric: Int32 = -1, area: Int32 = -1, demand: Int32 = -1) {
        self.metric = metric; self.area = area; self.demand = demand
    }
    /// Nothing known: every string is looked up.
    @inlinable public static var unknown: EntryKeys { EntryKeys() }
}

/// A ledger entry with its keys in the campaign, as a reader that knows the campaign gives it.
public struct KeyedEntry: Sendable {
    public var entry: LedgerEntry
    public var keys: EntryKeys
    @inlinable public init(entry: LedgerEntry, keys: EntryKeys = .unknown) { self.entry = entry; self.keys = keys }
}

/// A sample of a structural indicator; it holds from its time until the next sample.
public struct IndicatorSample: Hashable, Sendable {
    public var at: Instant
    public var name: String
    public var value: Double
    public init(at: Instant, name: String, value: Double) { self.at = at; self.name = name; self.value = value }
}

/// An official's response to a numbered deadline, possibly a win.
public struct Response: Hashable, Sendable {
    public enum Win: String, Hashable, Sendable { case partial, full }
    public var at: Instant
    /// The deadline's number (1 for the first deadline opened).
    public var deadline: Int
    public var text: String
    public var win: Win?
    public init(at: Instant, deadline: Int, text: String, win: Win? = nil) {
        self.at = at; self.deadline = deadline; self.text = text; self.win = win
    }
}

/// A money flow: who pays whom, and the public source for the figure.
public struct MoneyFlow: Hashable, Sendable {
    public enum Category: String, Hashable, Sendable, CaseIterable {
        case corporateSubsidy = "corporate_subsidy"
        case workerSupport = "worker_support"
        case frontlineServices = "frontline_services"
        case other
    }
    public var date: CivilDate
    public var from: String
    public var to: String
    public var category: Category
    public var amount: Quantity
    public var currency: String
    public var source: String
    public init(date: CivilDate, from: String, to: String, category: Category, amount: Quantity, currency: String, source: String) {
        self.date = date; self.from = from; self.to = to; self.category = category
        self.amount = amount; self.currency = currency; self.source = source
    }
}

/// Anything that happens in the world and that the engine reacts to.
public enum Fact: Hashable, Sendable {
    case entry(LedgerEntry)
    case indicator(IndicatorSample)
    case response(Response)

    public var at: Instant {
        switch self {
        case .entry(let e): return e.at
        case .indicator(let s): return s.at
        case .response(let r): return r.at
        }
    }
}
