import CrescendoCore
/// Field parsers shared by the CSV readers; each error names the column and the bad value.
enum CSVFields {
    static func instant(_ raw: ArraySlice<UInt8>, column: String, zone: Zone, error: (String) -> InputError) throws -> Instant {
        let b = raw.trimmingBlanks
        guard !b.isEmpty else { throw error("empty value in column \(column)") }
        guard let t = TimeParsing.instant(bytes: b, zone: zone) else { throw error("bad date \(b.quotedForMessage) in column \(column)") }
        return t
    }

    static func required(_ raw: ArraySlice<UInt8>, column: String, error: (String) -> InputError) throws -> String {
        let b = raw.trimmingBlanks
        guard !b.isEmpty else { throw error("empty value in column \(column)") }
        return String(decoding: b, as: UTF8.self)
    }
}
