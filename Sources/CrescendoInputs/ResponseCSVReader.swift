import CrescendoCore
/// Reads officials' responses from CSV (`at,deadline,text`, optional `win` = `partial` | `full`).
public final class ResponseCSVReader {
    private let tokenizer: CSVTokenizer
    private let file: String
    private let zone: Zone
    private let fieldCount: Int
    private let at: Int, deadline: Int, text: Int
    private let win: Int?

    public init(tokenizer: CSVTokenizer, file: String, zone: Zone) throws {
        self.tokenizer = tokenizer
        self.file = file
        self.zone = zone
        let header = try CSVHeader(reading: tokenizer, file: file)
        fieldCount = header.names.count
        at = try header.require("at", file: file, line: 1)
        deadline = try header.require("deadline", file: file, line: 1)
        text = try header.require("text", file: file, line: 1)
        win = header.column("win")
    }

    public convenience init(path: String, file: String? = nil, zone: Zone) throws {
        let label = file ?? path
        try self.init(tokenizer: CSVTokenizer(path: path, fileName: label), file: label, zone: zone)
    }

    /// The line on which the response last returned starts.
    public var line: Int { tokenizer.recordLine }

    /// The next response, `nil` at the end of the file, or an `InputError`.
    public func next() throws -> Response? {
        guard try tokenizer.nextRecord(expectingFields: fieldCount, error: error) else { return nil }
        let t = tokenizer
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

    /// Calls `body` for every response in file order, with its line number.
    public func forEach(_ body: (Response, Int) throws -> Void) throws {
        while let r = try next() { try body(r, line) }
    }

    private func error(_ message: String) -> InputError {
        InputError(file: file, line: tokenizer.recordLine, message: message)
    }
}
