import CrescendoCore
/// Reads officials' responses from CSV (`at,deadline,text`, optional `win` = `partial` | `full`).
public final class ResponseCSVReader: CSVRowReader {
    public let source: CSVSource
    private let zone: Zone
    private let at: Int, deadline: Int, text: Int
    private let win: Int?

    public init(source: CSVSource, campaign: Campaign?, zone: Zone) throws {
        self.source = source
        self.zone = campaign?.zone ?? zone
        (at, deadline, text) = (try source.require("at"), try source.require("deadline"), try source.require("text"))
        win = source.column("win")
    }

    public func next() throws -> Response? {
        guard try source.nextRecord() else { return nil }
        let t = source.tokenizer
        let instant = try CSVFields.instant(t.field(at), column: "at", zone: zone, error: error)
        let d = t.field(deadline).trimmingBlanks
        guard let number = Int(String(decoding: d, as: UTF8.self)), number >= 1 else {
            throw error("bad deadline number \(d.quotedForMessage) in column deadline")
        }
        let body = String(decoding: t.field(text), as: UTF8.self)
        var level: Response.Win?
        if let win {
            let w = t.field(win).trimmingBlanks
            if !w.isEmpty {
                guard let parsed = Response.Win(rawValue: String(decoding: w, as: UTF8.self)) else {
                    throw error("bad win \(w.quotedForMessage) in column win (expected partial or full)")
                }
                level = parsed
            }
        }
        return Response(at: instant, deadline: number, text: body, win: level)
    }

    private func error(_ message: String) -> InputError { source.error(message) }
}
