import CrescendoCore

/// Reads ledger entries from CSV (`at,kind,quantity,area,demand,care,cause,change`).
///
/// `at` and `kind` are required; `quantity` defaults to 1 and must not be negative; empty
/// optional fields are absent; other columns (such as the W1 workload's `id`) are ignored.
/// A date-time without an offset is local time in the zone given (the campaign's).
/// When a campaign is given, `kind` must be a declared metric, `demand` a declared demand, and
/// `area` one of the declared areas (when the campaign declares areas).
///
/// Entries come out in file order with `seq` 0; the caller decides how to number them.
public final class LedgerCSVReader: CSVRowReader {
    public let source: CSVSource
    private let zone: Zone
    private let validates: Bool
    private let checksAreas: Bool
    private let at: Int, kind: Int
    private let quantity: Int?, area: Int?, demand: Int?, care: Int?, cause: Int?, change: Int?
    private var kinds = StringInterner()
    private var areas = StringInterner()
    private var demands = StringInterner()

    /// Prepares to read entries; when a campaign is given, entries are checked against its
    /// metrics, demands and areas, and local times are read in its zone.
    public init(source: CSVSource, campaign: Campaign?, zone: Zone) throws {
        self.source = source
        self.zone = campaign?.zone ?? zone
        at = try source.require("at")
        kind = try source.require("kind")
        quantity = source.column("quantity"); area = source.column("area"); demand = source.column("demand")
        care = source.column("care"); cause = source.column("cause"); change = source.column("change")
        validates = campaign != nil
        checksAreas = !(campaign?.areas.isEmpty ?? true)
        if let campaign {
            kinds.declare(campaign.metrics.map(\.id))
            areas.declare(campaign.areas.map(\.id))
            demands.declare(campaign.demands.map(\.id))
        }
    }

    /// The next entry, `nil` at the end of the file, or an `InputError` naming line and column.
    public func next() throws -> LedgerEntry? {
        try nextKeyed()?.entry
    }

    /// Reads up to `limit` entries, with their keys, onto the end of `batch`; false once the
    /// file has ended. Entries are made in place in the batch, without a copy each.
    public func read(into batch: inout [KeyedEntry], limit: Int) throws -> Bool {
        let tokenizer = source.tokenizer
        for _ in 0..<limit {
            guard try source.nextRecord() else { return false }
            try tokenizer.withRecord { record in batch.append(try entry(record)) }
        }
        return true
    }

    /// The next entry with its keys in the campaign (all -1 without a campaign).
    public func nextKeyed() throws -> KeyedEntry? {
        guard try source.nextRecord() else { return nil }
        // Parse over the record's raw buffers: slices of arrays would retain them once per field.
        return try source.tokenizer.withRecord { record in try entry(record) }
    }

    /// A field's bytes (a slice of the record, valid while it is).
    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    @inline(__always)
    private func entry(_ record: CSVRecord) throws -> KeyedEntry {
        @inline(__always) func field(_ i: Int) -> Bytes { record.field(i) }
        @inline(__always) func trimmed(_ i: Int) -> Bytes { record.field(i).trimmingBlanks }
        func quoted(_ b: Bytes) -> String { b.quotedForMessage }
        /// An optional column's value among declared ones (area, demand): nil when absent.
        @inline(__always) func declared(_ column: Int?, _ values: inout StringInterner, checked: Bool,
                                        _ name: String) throws -> (string: String, index: Int32)? {
            guard let column else { return nil }
            let b = trimmed(column)
            guard !b.isEmpty else { return nil }
            let v = values.intern(UnsafeBufferPointer(rebasing: b))
            if checked && v.index < 0 { throw error("undeclared \(name) \(quoted(b)) in column \(name)") }
            return v
        }
        let atBytes = trimmed(at)
        guard !atBytes.isEmpty else { throw error("empty value in column at") }
        guard let instant = TimeParsing.instant(in: atBytes, zone: zone) else {
            throw error("bad date \(quoted(atBytes)) in column at")
        }
        let kindBytes = trimmed(kind)
        guard !kindBytes.isEmpty else { throw error("empty value in column kind") }
        var keys = EntryKeys.unknown
        let k = kinds.intern(UnsafeBufferPointer(rebasing: kindBytes))
        keys.metric = k.index
        if validates && k.index < 0 {
            throw error("unknown kind \(quoted(kindBytes)) in column kind (declared metrics: \(kinds.declaredValues.joined(separator: ", ")))")
        }
        var q = Quantity.one
        if let quantity {
            let b = trimmed(quantity)
            if !b.isEmpty {
                guard let parsed = Quantity(in: b) else { throw error("bad quantity \(quoted(b)) in column quantity") }
                guard parsed.milli >= 0 else { throw error("negative quantity \(quoted(b)) in column quantity") }
                q = parsed
            }
        }
        var entry = LedgerEntry(at: instant, kind: k.string, quantity: q)
        if let a = try declared(area, &areas, checked: checksAreas, "area") { entry.area = a.string; keys.area = a.index }
        if let d = try declared(demand, &demands, checked: validates, "demand") { entry.demand = d.string; keys.demand = d.index }
        @inline(__always) func text(_ column: Int?) -> String? {
            guard let column else { return nil }
            let b = field(column)
            return b.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: b), as: UTF8.self)
        }
        entry.care = text(care)
        entry.cause = text(cause)
        entry.change = text(change)
        return KeyedEntry(entry: entry, keys: keys)
    }

    /// An error naming the file and the line of the record just read (for checks made on the entry afterwards).
    public func error(_ message: String) -> InputError { source.error(message) }
}
