import CrescendoCore

/// One CSV input as the readers share it: the tokenizer, the name its errors give the file,
/// and the header row's columns. Each reader steps it a record at a time and reports through
/// it, so every reader checks widths and names lines the same way.
public struct CSVSource {
    public let tokenizer: CSVTokenizer
    /// The file's name in error messages, e.g. `ledger.csv`.
    public let file: String
    public let header: CSVHeader
    /// The header's width: every record must have as many fields.
    public let fieldCount: Int

    /// Reads the header row.
    public init(_ tokenizer: CSVTokenizer, file: String) throws {
        self.tokenizer = tokenizer
        self.file = file
        header = try CSVHeader(reading: tokenizer, file: file)
        fieldCount = header.names.count
    }

    /// Opens a file (called `file` in errors, else by its path) and reads its header row.
    public init(path: String, file: String?) throws {
        let label = file ?? path
        try self.init(CSVTokenizer(path: path, fileName: label), file: label)
    }

    /// The index of a required column, or an error naming it and the columns found.
    public func require(_ name: String) throws -> Int { try header.require(name, file: file, line: 1) }

    /// The index of an optional column.
    public func column(_ name: String) -> Int? { header.column(name) }

    /// Advances to the next record and checks it is as wide as the header; false at the end.
    @inline(__always)
    public func nextRecord() throws -> Bool {
        guard try tokenizer.nextRecord() else { return false }
        guard tokenizer.fieldCount == fieldCount else { throw error("expected \(fieldCount) fields, found \(tokenizer.fieldCount)") }
        return true
    }

    /// The line on which the current record starts.
    public var line: Int { tokenizer.recordLine }

    /// An error in the current record.
    public func error(_ message: String) -> InputError { InputError(file: file, line: tokenizer.recordLine, message: message) }
}
