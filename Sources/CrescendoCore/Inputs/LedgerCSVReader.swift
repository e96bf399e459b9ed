/// Reads ledger entries from CSV (`at,kind,quantity,area,demand,care,cause,change`).
///
/// `at` and `kind` are required; `quantity` defaults to 1 and must not be negative; empty
/// optional fields are absent; other columns (such as the W1 workload's `id`) are ignored.
/// A date-time without an offset is local time in the zone given (the campaign's).
/// When a campaign is given, `kind` must be a declared metric, `demand` a declared demand, and
/// `area` one of the declared areas (when the campaign declares areas).
///
/// Entries come out in file order with `seq` 0; the caller decides how to number them.
public final class LedgerCSVReader {
    private let tokenizer: CSVTokenizer
    private let file: String
    private let zone: Zone
    private let validates: Bool
    private let checksAreas: Bool
    private let fieldCount: Int
    private let at: Int, kind: Int
    private let quantity: Int?, area: Int?, demand: Int?, care: Int?, cause: Int?, change: Int?
    private var kinds = StringInterner()
    private var areas = StringInterner()
    private var demands = StringInterner()

    /// Reads the header and prepares to read entries.
    /// - Parameters:
    ///   - tokenizer: the CSV source.
    ///   - file: the name used in error messages, e.g. `ledger.csv`.
    ///   - campaign: when given, entries are checked against its metrics, demands and areas,
    ///     and local times are read in its zone.
    ///   - zone: the zone for local times when no campaign is given.
    public init(tokenizer: CSVTokenizer, file: String, campaign: Campaign?, zone: Zone = .utc) throws {
        self.tokenizer = tokenizer
        self.file = file
        self.zone = campaign?.zone ?? zone
        let header = try CSVHeader(reading: tokenizer, file: file)
        fieldCount = header.names.count
        at = try header.require("at", file: file, line: 1)
        kind = try header.require("kind", file: file, line: 1)
        quantity = header.column("quantity"); area = header.column("area"); demand = header.column("demand")
        care = header.column("care"); cause = header.column("cause"); change = header.column("change")
        validates = campaign != nil
        checksAreas = !(campaign?.areas.isEmpty ?? true)
        if let campaign {
            kinds.declare(campaign.metrics.map(\.id))
            areas.declare(campaign.areas.map(\.id))
            demands.declare(campaign.demands.map(\.id))
        }
    }

    /// Opens a file and reads its header.
    public convenience init(path: String, file: String? = nil, campaign: Campaign?, zone: Zone = .utc) throws {
        let name = file ?? path
        try self.init(tokenizer: CSVTokenizer(path: path, fileName: name), file: name, campaign: campaign, zone: zone)
    }

    /// The line on which the entry last returned starts.
    public var line: Int { tokenizer.recordLine }

    /// The next entry, `nil` at the end of the file, or an `InputError` naming line and column.
    public func next() throws -> LedgerEntry? {
        guard try tokenizer.nextRecord() else { return nil }
        let t = tokenizer
        guard t.fieldCount == fieldCount else {
            throw error("expected \(fieldCount) fields, found \(t.fieldCount)")
        }
        // Take the record once: each call into the tokenizer pays for an exclusivity check.
        let record = t.recordBytes
        func field(_ i: Int) -> ArraySlice<UInt8> { record[t.fieldRange(i)] }
        let atBytes = field(at).trimmingBlanks
        guard !atBytes.isEmpty else { throw error("empty value in column at") }
        guard let instant = TimeParsing.instant(bytes: atBytes, zone: zone) else {
            throw error("bad date \(atBytes.quotedForMessage) in column at")
        }
        let kindBytes = field(kind).trimmingBlanks
        guard !kindBytes.isEmpty else { throw error("empty value in column kind") }
        let k = kinds.intern(kindBytes)
        if validates && !k.declared {
            throw error("unknown kind \(kindBytes.quotedForMessage) in column kind (declared metrics: \(kinds.declaredValues.joined(separator: ", ")))")
        }
        var q = Quantity.one
        if let quantity {
            let b = field(quantity).trimmingBlanks
            if !b.isEmpty {
                guard let parsed = Quantity(bytes: b) else { throw error("bad quantity \(b.quotedForMessage) in column quantity") }
                guard parsed.milli >= 0 else { throw error("negative quantity \(b.quotedForMessage) in column quantity") }
                q = parsed
            }
        }
        var entry = LedgerEntry(at: instant, kind: k.string, quantity: q)
        if let area {
            let b = field(area).trimmingBlanks
            if !b.isEmpty {
                let a = areas.intern(b)
                if checksAreas && !a.declared { throw error("undeclared area \(b.quotedForMessage) in column area") }
                entry.area = a.string
            }
        }
        if let demand {
            let b = field(demand).trimmingBlanks
            if !b.isEmpty {
                let d = demands.intern(b)
                if validates && !d.declared { throw error("undeclared demand \(b.quotedForMessage) in column demand") }
                entry.demand = d.string
            }
        }
        entry.care = text(care)
        entry.cause = text(cause)
        entry.change = text(change)
        return entry
    }

    /// Calls `body` for every entry in file order, with the entry's line number.
    public func forEach(_ body: (LedgerEntry, Int) throws -> Void) throws {
        while let e = try next() { try body(e, line) }
    }

    private func text(_ column: Int?) -> String? {
        guard let column else { return nil }
        let b = tokenizer.field(column)
        return b.isEmpty ? nil : String(decoding: b, as: UTF8.self)
    }

    private func error(_ message: String) -> InputError {
        InputError(file: file, line: tokenizer.recordLine, message: message)
    }
}
