import CrescendoCore

/// A reader of one kind of CSV row (ledger entries, indicator samples, responses, money
/// flows): each reads its columns from a `CSVSource` and parses a record at a time; opening,
/// line numbers and iteration are the same for all of them, here.
public protocol CSVRowReader: AnyObject {
    associatedtype Row
    /// The input, its header read.
    var source: CSVSource { get }
    /// Finds the reader's columns in `source`'s header. When a campaign is given, rows are
    /// checked against it and local times read in its zone; else in `zone`.
    init(source: CSVSource, campaign: Campaign?, zone: Zone) throws
    /// The next row, `nil` at the end of the input, or an `InputError` naming file and line.
    func next() throws -> Row?
}

extension CSVRowReader {
    /// Reads the header from `tokenizer`; `file` names the input in errors, e.g. `ledger.csv`.
    public init(tokenizer: CSVTokenizer, file: String, campaign: Campaign? = nil, zone: Zone = .utc) throws {
        try self.init(source: CSVSource(tokenizer, file: file), campaign: campaign, zone: zone)
    }

    /// Opens a file (called `file` in errors, else by its path) and reads its header.
    public init(path: String, file: String? = nil, campaign: Campaign? = nil, zone: Zone = .utc) throws {
        try self.init(source: CSVSource(path: path, file: file), campaign: campaign, zone: zone)
    }

    /// The line on which the row last returned starts.
    public var line: Int { source.line }

    /// Calls `body` for every row in file order, with its line number.
    public func forEach(_ body: (Row, Int) throws -> Void) throws {
        while let row = try next() { try body(row, line) }
    }
}
