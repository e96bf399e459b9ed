import ArgumentParser
import CrescendoCore

/// The optional fields of a ledger entry on the command line.
struct EntryFieldOptions: ParsableArguments {
    @Option(help: "How many (default 1; up to three decimals).") var quantity: String?
    @Option(help: "When it happened: a date or date-time, local to the campaign without an offset (default: now).") var at: String?
    @Option(help: "The area code (one of the campaign's areas).") var area: String?
    @Option(help: "The demand it points at.") var demand: String?
    @Option(help: "The act of care.") var care: String?
    @Option(help: "The structural cause that made it necessary.") var cause: String?
    @Option(help: "The change that would make it unnecessary.") var change: String?

    /// Refuses an entry whose text is over its limit (`EntryLimits`), naming the option.
    static func checkLimits(_ entry: LedgerEntry) throws {
        guard let problem = EntryLimits.problem(with: entry) else { return }
        throw ValidationError("--" + problem.message)
    }

    /// Applies the given fields over `entry`.
    func apply(to entry: inout LedgerEntry, zone: Zone) throws {
        if let quantity {
            guard let q = Quantity(parsing: quantity) else { throw ValidationError("bad quantity \"\(quantity)\" (a number with at most three decimals)") }
            guard q.milli >= 0 else { throw ValidationError("negative quantity \"\(quantity)\"") }
            entry.quantity = q
        }
        if let at {
            guard let t = TimeParsing.instant(at, zone: zone) else { throw ValidationError("bad date \"\(at)\" for --at") }
            entry.at = t
        }
        if let area { entry.area = area }
        if let demand { entry.demand = demand }
        if let care { entry.care = care }
        if let cause { entry.cause = cause }
        if let change { entry.change = change }
    }
}
