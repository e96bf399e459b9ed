import CrescendoCore
import CrescendoInputs
import CrescendoTestSupport
import Foundation
import XCTest

/// The tokenizer reads plain lines in place and everything else (quotes, CR, blank lines, a
/// record across chunks) by the general scan; both must give the same records and lines.
final class CSVTokenizerTests: XCTestCase {
    private struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    private func records(_ t: CSVTokenizer) throws -> [Record] {
        var out: [Record] = []
        while try t.nextRecord() {
            let fields = (0..<t.fieldCount).map { t.string($0) }
            // `withRecord` must show the same bytes as `field`.
            let viaRecord: [String] = t.withRecord { record in
                (0..<record.count).map { String(decoding: UnsafeBufferPointer(rebasing: record.field($0)), as: UTF8.self) }
            }
            XCTAssertEqual(fields, viaRecord)
            out.append(Record(line: t.recordLine, fields: fields))
        }
        return out
    }

    /// The records of `text` read from memory and from a file in chunks of many sizes.
    private func allReadings(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Record] {
        let expected = try records(CSVTokenizer(bytes: Array(text.utf8), fileName: "t.csv"))
        let dir = try ScratchFolder("inputs")
        let path = try dir.write(text, to: "t.csv")
        for size in [1, 2, 3, 5, 7, 11, 64, 1 << 20] {
            let got = try records(CSVTokenizer(path: path, fileName: "t.csv", chunkSize: size))
            XCTAssertEqual(got, expected, "chunk size \(size)", file: file, line: line)
        }
        return expected
    }

    func testPlainLines() throws {
        let got = try allReadings("at,kind\n2026-01-01,masks\n2026-01-02,calls\n")
        XCTAssertEqual(got, [Record(line: 1, fields: ["at", "kind"]), Record(line: 2, fields: ["2026-01-01", "masks"]),
                             Record(line: 3, fields: ["2026-01-02", "calls"])])
    }

    func testEmptyFieldsAndNoFinalNewline() throws {
        let got = try allReadings("a,b,c\n,,\nx,,z")
        XCTAssertEqual(got, [Record(line: 1, fields: ["a", "b", "c"]), Record(line: 2, fields: ["", "", ""]),
                             Record(line: 3, fields: ["x", "", "z"])])
    }

    func testQuotesCRLFAndBlankLines() throws {
        let text = "a,b\r\n\r\n\"x, y\",\"say \"\"hi\"\"\"\r\nplain,line\n\n\"multi\nline\",after\nlast,one\n"
        let got = try allReadings(text)
        XCTAssertEqual(got, [Record(line: 1, fields: ["a", "b"]), Record(line: 3, fields: ["x, y", "say \"hi\""]),
                             Record(line: 4, fields: ["plain", "line"]), Record(line: 6, fields: ["multi\nline", "after"]),
                             Record(line: 8, fields: ["last", "one"])])
    }

    func testCROnlyLineEndings() throws {
        let got = try allReadings("a,b\rc,d\r")
        XCTAssertEqual(got, [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["c", "d"])])
    }

    func testUnterminatedQuoteNamesItsLine() throws {
        let t = CSVTokenizer(bytes: Array("a\nb\n\"open\n".utf8), fileName: "t.csv")
        XCTAssertTrue(try t.nextRecord())
        XCTAssertTrue(try t.nextRecord())
        XCTAssertThrowsError(try t.nextRecord()) { XCTAssertEqual("\($0)", "t.csv:3: unterminated quoted field") }
    }
}
