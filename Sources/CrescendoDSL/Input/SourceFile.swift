import Foundation

/// The text of a file that passed the checks every input goes through before YAML parsing.
struct SourceFile {
    /// Files larger than this are refused before they are read in full.
    static let sizeLimit = 4 * 1024 * 1024

    let path: String
    let text: String

    /// Reads `path`, or reports why it cannot be a campaign file: missing, a directory, over
    /// the size limit, binary, not UTF-8, or indented with tabs.
    static func read(_ path: String, into sink: DiagnosticSink) -> SourceFile? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            sink.error(.start, "file", "no such file")
            return nil
        }
        if isDirectory.boolValue {
            sink.error(.start, "file", "is a directory, not a YAML file", hint: "name the campaign file itself, e.g. \(path)/campaign.yaml")
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > sizeLimit {
            sink.error(.start, "file", "is \(size) bytes; campaign files are limited to \(sizeLimit) bytes (4 MiB)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error(.start, "file", "cannot be read", hint: "check the file's permissions")
            return nil
        }
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            sink.error(position(ofByte: nul, in: bytes), "file", "is a binary file (it contains a NUL byte), not YAML")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            sink.error(firstInvalidUTF8(in: bytes), "file", "is not UTF-8 text", hint: "save the file as UTF-8")
            return nil
        }
        sink.attach(text: text)
        if let tab = firstIndentationTab(in: text) {
            sink.error(tab, "yaml", "a tab is used for indentation; YAML indents with spaces only",
                       hint: "replace the tab with spaces")
            return nil
        }
        return SourceFile(path: path, text: text)
    }

    /// The position of the first tab in a line's leading whitespace.
    private static func firstIndentationTab(in text: String) -> Position? {
        var line = 1
        var column = 1
        var leading = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; leading = true; continue }
            if leading {
                if scalar == "\t" { return Position(line: line, column: column) }
                if scalar != " " { leading = false }
            }
            column += 1
        }
        return nil
    }

    /// Line and column of a byte offset, counting columns in bytes (the line may not decode).
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> Position {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        return Position(line: line, column: offset - lineStart + 1)
    }

    /// The position of the first byte sequence that is not UTF-8, counting columns in scalars.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> Position {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var position = Position.start
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { position.line += 1; position.column = 1 } else { position.column += 1 }
            case .emptyInput, .error:
                return position
            }
        }
    }
}
