import CrescendoCore
/// A problem with one row of an input file, named by file, line and column.
///
/// The description reads `ledger.csv:500000: bad date "2026-13-01" in column at`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it (or a label such as `<stdin>`).
    public var file: String
    /// The 1-based physical line on which the offending record starts (the header is line 1).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
