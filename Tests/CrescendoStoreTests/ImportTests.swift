import CrescendoCore
import CrescendoStore
import XCTest

/// Imports link entries on one thread and insert them on another, in batches of 4,096.
final class ImportTests: XCTestCase {
    private func csv(rows: Int, badAt: Int? = nil) -> [UInt8] {
        var text = "id,at,kind,quantity,area\n"
        for i in 1...rows {
            let quantity = i == badAt ? "-1" : "\(i % 7)"
            text += "\(i),2026-01-01T00:00:00Z,masks,\(quantity),a0\(i % 2 + 1)\n"
        }
        return Array(text.utf8)
    }

    private func reader(_ bytes: [UInt8]) throws -> LedgerCSVReader {
        try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: bytes, fileName: "ledger.csv"), file: "ledger.csv", campaign: nil)
    }

    func testAnImportChainsExactlyLikeOneAppendAtATime() throws {
        let bytes = csv(rows: 10_000)
        let imported = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        let summary = try imported.importEntries(recordedAt: t(0), progress: nil, try reader(bytes).next)
        let appended = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        let r = try reader(bytes)
        var last: StoredEntry?
        while let e = try r.next() { last = try appended.append(e, recordedAt: t(0)) }
        XCTAssertEqual(summary.count, 10_000)
        XCTAssertEqual(summary.head.hash, last?.hash)
        XCTAssertNil(try imported.verify().problem)
    }

    func testABadRowAfterSeveralBatchesRollsEverythingBack() throws {
        try forEachStore { store in
            _ = try store.append(entry(0), recordedAt: t(0))
            let before = try store.head()
            XCTAssertThrowsError(try store.importEntries(recordedAt: t(1), progress: nil, try reader(csv(rows: 20_000, badAt: 19_000)).next)) {
                XCTAssertEqual("\($0)", "ledger.csv:19001: negative quantity \"-1\" in column quantity")
            }
            XCTAssertEqual(try store.head(), before)
            XCTAssertNil(try store.verify().problem)
        }
    }

    func testProgressIsReported() throws {
        let store = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        var reported: [Int] = []
        _ = try store.importEntries(recordedAt: t(0), progress: { reported.append($0) }, try reader(csv(rows: 70_000)).next)
        XCTAssertEqual(reported.last, 70_000)
        XCTAssertGreaterThan(reported.count, 1)
    }
}

final class ImportJournalTests: XCTestCase {
    private func rows(_ n: Int) throws -> LedgerCSVReader {
        let text = "at,kind\n" + String(repeating: "2026-01-01T00:00:00Z,masks\n", count: n)
        return try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(text.utf8), fileName: "l.csv"), file: "l.csv", campaign: nil)
    }

    func testTheLedgerIsBackInWALModeAfterAnImport() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path).importEntries(recordedAt: t(0), progress: nil, try rows(100).next)
        XCTAssertEqual(try sqlite3(path, "PRAGMA journal_mode;"), "wal\n")
    }

    func testAnImportWhileAnotherConnectionIsOpenStaysInWALMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.sqlite")
        let other = try SQLiteLedgerStore(path: path)
        _ = try other.append(entry(0), recordedAt: t(0))
        let store = try SQLiteLedgerStore(path: path)
        let summary = try store.importEntries(recordedAt: t(1), progress: nil, try rows(5_000).next)
        XCTAssertEqual(summary.head.count, 5_001)
        XCTAssertEqual(try other.head().count, 5_001)
        XCTAssertNil(try other.verify().problem)
        XCTAssertEqual(try sqlite3(path, "PRAGMA journal_mode;"), "wal\n")
    }
}
