import CrescendoCore
/// Reads money flows from CSV (`date,from,to,category,amount,currency,source`).
///
/// `category` is `corporate_subsidy`, `worker_support`, `frontline_services` or `other`;
/// `source` (where the figure comes from) is required.
public final class MoneyFlowCSVReader {
    private let tokenizer: CSVTokenizer
    private let file: String
    private let fieldCount: Int
    private let date: Int, from: Int, to: Int, category: Int, amount: Int, currency: Int, source: Int

    public init(tokenizer: CSVTokenizer, file: String) throws {
        self.tokenizer = tokenizer
        self.file = file
        let header = try CSVHeader(reading: tokenizer, file: file)
        fieldCount = header.names.count
        date = try header.require("date", file: file, line: 1)
        from = try header.require("from", file: file, line: 1)
        to = try header.require("to", file: file, line: 1)
        category = try header.require("category", file: file, line: 1)
        amount = try header.require("amount", file: file, line: 1)
        currency = try header.require("currency", file: file, line: 1)
        source = try header.require("source", file: file, line: 1)
    }

    public convenience init(path: String, file: String? = nil) throws {
        let label = file ?? path
        try self.init(tokenizer: CSVTokenizer(path: path, fileName: label), file: label)
    }

    /// The line on which the flow last returned starts.
    public var line: Int { tokenizer.recordLine }

    /// The next flow, `nil` at the end of the file, or an `InputError`.
    public func next() throws -> MoneyFlow? {
        guard try tokenizer.nextRecord(expectingFields: fieldCount, error: error) else { return nil }
        let t = tokenizer
        let d = t.field(date).trimmingBlanks
        guard let day = TimeParsing.date(String(decoding: d, as: UTF8.self)) else {
            throw error("bad date \(d.quotedForMessage) in column date")
        }
        let c = t.field(category).trimmingBlanks
        guard let cat = MoneyFlow.Category(rawValue: String(decoding: c, as: UTF8.self)) else {
            throw error("bad category \(c.quotedForMessage) in column category (expected corporate_subsidy, worker_support, frontline_services or other)")
        }
        let a = t.field(amount).trimmingBlanks
        guard let value = Quantity(bytes: a) else { throw error("bad amount \(a.quotedForMessage) in column amount") }
        return MoneyFlow(
            date: day,
            from: try CSVFields.required(t.field(from), column: "from", error: error),
            to: try CSVFields.required(t.field(to), column: "to", error: error),
            category: cat, amount: value,
            currency: try CSVFields.required(t.field(currency), column: "currency", error: error),
            source: try CSVFields.required(t.field(source), column: "source", error: error))
    }

    /// Calls `body` for every flow in file order, with its line number.
    public func forEach(_ body: (MoneyFlow, Int) throws -> Void) throws {
        while let f = try next() { try body(f, line) }
    }

    private func error(_ message: String) -> InputError {
        InputError(file: file, line: tokenizer.recordLine, message: message)
    }
}
