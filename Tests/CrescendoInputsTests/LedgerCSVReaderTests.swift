import CrescendoCore
import CrescendoInputs
import CrescendoTestSupport
import Foundation
import XCTest

final class LedgerCSVReaderTests: XCTestCase {
    private func read(_ csv: String, campaign: Campaign? = TestCampaign.make()) throws -> [LedgerEntry] {
        let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(csv.utf8), fileName: "ledger.csv"),
                                         file: "ledger.csv", campaign: campaign)
        var out: [LedgerEntry] = []
        try reader.forEach { e, _ in out.append(e) }
        return out
    }

    private func assertError(_ csv: String, _ message: String, campaign: Campaign? = TestCampaign.make(),
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try read(csv, campaign: campaign), file: file, line: line) { error in
            XCTAssertEqual("\(error)", message, file: file, line: line)
        }
    }

    func testReadsColumnsInAnyOrderAndIgnoresUnknownOnes() throws {
        let entries = try read("id,quantity,kind,at,area,demand,care\n7,2.5,masks,2026-01-01T00:04:15Z,a01,paid-sick-leave,\"gave, \"\"kindly\"\"\"\n8,,childcare_hours,2026-01-02T10:00,,,\n")
        XCTAssertEqual(entries.count, 2)
        XCTAssertEqual(entries[0], LedgerEntry(at: Instant(seconds: 1_767_225_855), kind: "masks", quantity: Quantity(milli: 2500),
                                               area: "a01", demand: "paid-sick-leave", care: "gave, \"kindly\""))
        XCTAssertEqual(entries[1].quantity, .one)
        XCTAssertNil(entries[1].area)
        XCTAssertEqual(entries[1].at.iso8601, "2026-01-02T10:00:00Z")
    }

    func testAcceptsCRLFAndQuotedLineBreaks() throws {
        let entries = try read("at,kind,care\r\n2026-01-01,masks,\"line one\nline two\"\r\n\r\n2026-01-03,masks,x\r\n")
        XCTAssertEqual(entries.map(\.care), ["line one\nline two", "x"])
    }

    func testLineNumbersCountQuotedLineBreaks() {
        assertError("at,kind,care\n2026-01-01,masks,\"a\nb\"\n2026-02-30,masks,x\n",
                    "ledger.csv:4: bad date \"2026-02-30\" in column at")
    }

    func testBadDate() {
        assertError("at,kind\n2026-01-01,masks\n2026-13-01,masks\n", "ledger.csv:3: bad date \"2026-13-01\" in column at")
    }

    func testNegativeQuantity() {
        assertError("at,kind,quantity\n2026-01-01,masks,-3\n", "ledger.csv:2: negative quantity \"-3\" in column quantity")
    }

    func testBadQuantity() {
        assertError("at,kind,quantity\n2026-01-01,masks,lots\n", "ledger.csv:2: bad quantity \"lots\" in column quantity")
    }

    func testUnknownKind() {
        assertError("at,kind\n2026-01-01,mask\n",
                    "ledger.csv:2: unknown kind \"mask\" in column kind (declared metrics: masks, childcare_hours)")
    }

    func testUndeclaredArea() {
        assertError("at,kind,area\n2026-01-01,masks,a01\n2026-01-01,masks,a99\n", "ledger.csv:3: undeclared area \"a99\" in column area")
    }

    func testUndeclaredDemand() {
        assertError("at,kind,demand\n2026-01-01,masks,free-lunch\n", "ledger.csv:2: undeclared demand \"free-lunch\" in column demand")
    }

    func testMissingColumn() {
        assertError("when,kind\n2026-01-01,masks\n", "ledger.csv:1: missing column at (found: when,kind)")
    }

    func testWrongFieldCount() {
        assertError("at,kind\n2026-01-01,masks,3\n", "ledger.csv:2: expected 2 fields, found 3")
    }

    func testUnterminatedQuote() {
        assertError("at,kind,care\n2026-01-01,masks,\"open\n", "ledger.csv:2: unterminated quoted field")
    }

    func testWithoutCampaignAnythingGoes() throws {
        XCTAssertEqual(try read("at,kind,area\n2026-01-01,anything,zz\n", campaign: nil).map(\.kind), ["anything"])
    }

    func testLocalTimesAreReadInTheCampaignZone() throws {
        var campaign = TestCampaign.make()
        campaign.zone = try XCTUnwrap(Zone(identifier: "America/Toronto"))
        XCTAssertEqual(try read("at,kind\n2026-01-05T09:00,masks\n", campaign: campaign)[0].at.iso8601, "2026-01-05T14:00:00Z")
    }

    func testReadsAFileInChunks() throws {
        var csv = "id,at,kind,quantity,area,demand\n"
        for i in 0..<60_000 { csv += "\(i),2026-01-01T00:00:\(i % 50 + 10)Z,masks,\(i % 10),a02,paid-sick-leave\n" }
        let dir = try ScratchFolder("inputs")
        let path = try dir.write(csv, to: "chunks.csv")
        let reader = try LedgerCSVReader(path: path, file: "big.csv", campaign: TestCampaign.make())
        var n = 0
        var total: Int64 = 0
        try reader.forEach { e, line in n += 1; total += e.quantity.milli; XCTAssertEqual(line, n + 1) }
        XCTAssertEqual(n, 60_000)
        XCTAssertEqual(total, 270_000_000)
    }

    func testReadingInBatchesGivesWhatReadingOneByOneGives() throws {
        var rows = "at,kind,quantity,area,demand\n"
        for i in 0..<25 { rows += "2026-01-01T00:00:\(10 + i)Z,\(i % 2 == 0 ? "masks" : "childcare_hours"),\(i),a0\(1 + i % 2),\n" }
        func reader() throws -> LedgerCSVReader {
            try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(rows.utf8), fileName: "ledger.csv"), file: "ledger.csv",
                                campaign: TestCampaign.make())
        }
        let one = try reader()
        var single: [KeyedEntry] = []
        while let e = try one.nextKeyed() { single.append(e) }
        let batched = try reader()
        var batch: [KeyedEntry] = []
        var calls = 0
        while try batched.read(into: &batch, limit: 4) { calls += 1 }
        XCTAssertEqual(batch.map(\.entry), single.map(\.entry))
        XCTAssertEqual(batch.map(\.keys), single.map(\.keys))
        XCTAssertEqual(batch.count, 25)
        XCTAssertEqual(calls, 6, "six full reads of 4, then the end")
    }

    func testABadRowInABatchNamesItsLine() throws {
        let csv = "at,kind\n2026-01-01,masks\n2026-01-02,masks\n2026-01-03,bread\n"
        let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(csv.utf8), fileName: "ledger.csv"), file: "ledger.csv",
                                         campaign: TestCampaign.make())
        var batch: [KeyedEntry] = []
        XCTAssertThrowsError(try reader.read(into: &batch, limit: 10)) {
            XCTAssertTrue("\($0)".hasPrefix("ledger.csv:4: unknown kind \"bread\""), "\($0)")
        }
        XCTAssertEqual(batch.count, 2)
    }
}
