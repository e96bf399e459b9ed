import CrescendoCore
/// Reads money flows from CSV (`date,from,to,category,amount,currency,source`).
///
/// `category` is `corporate_subsidy`, `worker_support`, `frontline_services` or `other`;
/// `source` (where the figure comes from) is required.
public final class MoneyFlowCSVReader: CSVRowReader {
    public let source: CSVSource
    private let date: Int, from: Int, to: Int, category: Int, amount: Int, currency: Int, origin: Int

    /// Money flows have no local times and no campaign checks: `campaign` and `zone` are not used.
    public init(source: CSVSource, campaign: Campaign?, zone: Zone) throws {
        self.source = source
        let c = try ["date", "from", "to", "category", "amount", "currency", "source"].map(source.require)
        (date, from, to, category, amount, currency, origin) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6])
    }

    public func next() throws -> MoneyFlow? {
        guard try source.nextRecord() else { return nil }
        let t = source.tokenizer
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
            source: try CSVFields.required(t.field(origin), column: "source", error: error))
    }

    private func error(_ message: String) -> InputError { source.error(message) }
}
