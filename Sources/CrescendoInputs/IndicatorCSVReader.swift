import CrescendoCore
/// Reads indicator samples from CSV (`at,name,value`).
///
/// When a campaign is given, `name` must be a declared indicator and local times are read in
/// its zone.
public final class IndicatorCSVReader {
    private let tokenizer: CSVTokenizer
    private let file: String
    private let zone: Zone
    private let validates: Bool
    private let fieldCount: Int
    private let at: Int, name: Int, value: Int
    private var names = StringInterner()

    public init(tokenizer: CSVTokenizer, file: String, campaign: Campaign?, zone: Zone = .utc) throws {
        self.tokenizer = tokenizer
        self.file = file
        self.zone = campaign?.zone ?? zone
        let header = try CSVHeader(reading: tokenizer, file: file)
        fieldCount = header.names.count
        at = try header.require("at", file: file, line: 1)
        name = try header.require("name", file: file, line: 1)
        value = try header.require("value", file: file, line: 1)
        validates = campaign != nil
        if let campaign { names.declare(campaign.indicators.map(\.id)) }
    }

    public convenience init(path: String, file: String? = nil, campaign: Campaign?, zone: Zone = .utc) throws {
        let label = file ?? path
        try self.init(tokenizer: CSVTokenizer(path: path, fileName: label), file: label, campaign: campaign, zone: zone)
    }

    /// The line on which the sample last returned starts.
    public var line: Int { tokenizer.recordLine }

    /// The next sample, `nil` at the end of the file, or an `InputError`.
    public func next() throws -> IndicatorSample? {
        guard try tokenizer.nextRecord(expectingFields: fieldCount, error: error) else { return nil }
        let t = tokenizer
        let instant = try CSVFields.instant(t.field(at), column: "at", zone: zone, error: error)
        let n = t.field(name).trimmingBlanks
        guard !n.isEmpty else { throw error("empty value in column name") }
        let interned = names.intern(n)
        if validates && interned.index < 0 { throw error("undeclared indicator \(n.quotedForMessage) in column name") }
        let v = t.field(value).trimmingBlanks
        guard let number = Double(String(decoding: v, as: UTF8.self)), number.isFinite else {
            throw error("bad number \(v.quotedForMessage) in column value")
        }
        return IndicatorSample(at: instant, name: interned.string, value: number)
    }

    /// Calls `body` for every sample in file order, with its line number.
    public func forEach(_ body: (IndicatorSample, Int) throws -> Void) throws {
        while let s = try next() { try body(s, line) }
    }

    private func error(_ message: String) -> InputError {
        InputError(file: file, line: tokenizer.recordLine, message: message)
    }
}
