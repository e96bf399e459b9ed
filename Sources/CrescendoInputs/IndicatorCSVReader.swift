import CrescendoCore
/// Reads indicator samples from CSV (`at,name,value`).
///
/// When a campaign is given, `name` must be a declared indicator and local times are read in
/// its zone.
public final class IndicatorCSVReader: CSVRowReader {
    public let source: CSVSource
    private let zone: Zone
    private let validates: Bool
    private let at: Int, name: Int, value: Int
    private var names = StringInterner()

    public init(source: CSVSource, campaign: Campaign?, zone: Zone) throws {
        self.source = source
        self.zone = campaign?.zone ?? zone
        (at, name, value) = (try source.require("at"), try source.require("name"), try source.require("value"))
        validates = campaign != nil
        if let campaign { names.declare(campaign.indicators.map(\.id)) }
    }

    public func next() throws -> IndicatorSample? {
        guard try source.nextRecord() else { return nil }
        let t = source.tokenizer
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

    private func error(_ message: String) -> InputError { source.error(message) }
}
