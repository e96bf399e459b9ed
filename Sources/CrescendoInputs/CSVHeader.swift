import CrescendoCore
/// The header row of a CSV input: which column holds which name.
///
/// Columns may come in any order; unknown columns are ignored; names are matched exactly after
/// trimming spaces (and a UTF-8 byte order mark on the first column).
public struct CSVHeader: Sendable {
    /// The column names as read.
    public let names: [String]
    private let index: [String: Int]

    public init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() where index[n] == nil { index[n] = i }
        self.index = index
    }

    /// Reads the header from the tokenizer's first record.
    public init(reading tokenizer: CSVTokenizer, file: String) throws {
        guard try tokenizer.nextRecord() else {
            throw InputError(file: file, line: 1, message: "the file is empty (expected a header row)")
        }
        var names: [String] = []
        for i in 0..<tokenizer.fieldCount {
            var n = tokenizer.string(i).trimmingSpaces
            if i == 0, n.hasPrefix("\u{FEFF}") { n.removeFirst() }
            names.append(n)
        }
        self.init(names: names)
    }

    /// The index of a column, if present.
    public func column(_ name: String) -> Int? { index[name] }

    /// The index of a required column, or an `InputError` naming it.
    public func require(_ name: String, file: String, line: Int) throws -> Int {
        guard let i = index[name] else {
            throw InputError(file: file, line: line, message: "missing column \(name) (found: \(names.joined(separator: ",")))")
        }
        return i
    }
}
