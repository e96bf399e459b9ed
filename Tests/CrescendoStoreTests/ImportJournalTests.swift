import CrescendoCore
import CrescendoInputs
import CrescendoStore
import CrescendoTestSupport
import XCTest

/// SQLite's own import path: a rollback journal for the import's one transaction when no other
/// connection is using the ledger, and WAL again afterwards.
final class ImportJournalTests: XCTestCase {
    private func rows(_ n: Int) throws -> LedgerCSVReader {
        let text = "at,kind\n" + String(repeating: "2026-01-01T00:00:00Z,masks\n", count: n)
        return try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(text.utf8), fileName: "l.csv"), file: "l.csv", campaign: nil)
    }

    func testTheLedgerIsBackInWALModeAfterAnImport() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path).importEntries(recordedAt: t(0), progress: nil, try rows(100).next)
        XCTAssertEqual(try sqlite3(path, "PRAGMA journal_mode;"), "wal\n")
    }

    func testAnImportWhileAnotherConnectionIsOpenStaysInWALMode() throws {
        let folder = try ScratchFolder("store")
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
