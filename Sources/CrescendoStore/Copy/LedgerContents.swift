/// How many rows a ledger holds in each table: what `ledger copy` checks (an empty target),
/// reports and compares (the copy holds what the source held).
public struct LedgerContents: Hashable, Sendable, CustomStringConvertible {
    public var entries: Int64 = 0
    public var indicators: Int64 = 0
    public var responses: Int64 = 0
    public var moneyFlows: Int64 = 0
    public var actions: Int64 = 0
    public var deliveries: Int64 = 0
    public var timers: Int64 = 0
    public var watermarks: Int64 = 0
    public var tokens: Int64 = 0
    public var auditLines: Int64 = 0

    public init() {}

    /// Whether every table is empty.
    public var isEmpty: Bool { self == LedgerContents() }

    /// Counts one record.
    public mutating func add(_ record: LedgerRecord) {
        switch record {
        case .campaign: break
        case .entry: entries += 1
        case .indicator: indicators += 1
        case .response: responses += 1
        case .moneyFlow: moneyFlows += 1
        case .action: actions += 1
        case .delivery: deliveries += 1
        case .timer: timers += 1
        case .watermark: watermarks += 1
        case .token: tokens += 1
        case .audit: auditLines += 1
        }
    }

    /// "12 entries, 3 indicator samples, 1 response" (tables with rows only; "nothing" when empty).
    public var description: String {
        let parts: [(Int64, String, String)] = [
            (entries, "entry", "entries"), (indicators, "indicator sample", "indicator samples"),
            (responses, "response", "responses"), (moneyFlows, "money flow", "money flows"),
            (actions, "action", "actions"), (deliveries, "delivery", "deliveries"),
            (timers, "timer", "timers"), (watermarks, "watermark", "watermarks"),
            (tokens, "token", "tokens"), (auditLines, "audit line", "audit lines"),
        ]
        let shown = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        return shown.isEmpty ? "nothing" : shown.joined(separator: ", ")
    }
}
