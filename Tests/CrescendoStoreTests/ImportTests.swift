import CrescendoCore
import CrescendoInputs
import CrescendoStore
import CrescendoTestSupport
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

    /// The chain of an import is pinned to hashes computed outside Crescendo (Python's hashlib
    /// over the encoding in docs/ledger.md), so a faster importer cannot drift from it.
    func testAnImportChainsToKnownHashes() throws {
        let text = """
            at,kind,quantity,area,demand,care,cause,change
            2026-01-01T00:01:35Z,childcare_hours,5,a13,paid-sick-leave,,,
            2026-01-01T00:06:00Z,masks,2.5,,public-health-funding,"soup, bread",,"rent ""relief\"""
            2026-01-01T02:00:00Z,calls_diverted,0,a01,,,layoffs,

            """
        try forEachStore { store in
            let summary = try store.importEntries(recordedAt: t(0), progress: nil, try reader(Array(text.utf8)).next)
            XCTAssertEqual(summary.count, 3)
            XCTAssertEqual(summary.head.hash, "2479ad411f443cb0bc6b84c05f595aab5f5797e05966aa42b375b7eee6a5ac82")
            let hashes = try store.entries(EntryQuery()).map(\.hash)
            XCTAssertEqual(hashes, ["e048763bc4e8e02c2f6885a54dab5b8d65bd9baea44dafd3bc9b31b7e684852d",
                                    "cc7c66ed9583be8d4ef9986d3e378586ad697312927730af8a08cbbc0ee713c5",
                                    "2479ad411f443cb0bc6b84c05f595aab5f5797e05966aa42b375b7eee6a5ac82"])
            let second = try store.entry(seq: 2)
            XCTAssertEqual(second?.entry.care, "soup, bread")
            XCTAssertEqual(second?.entry.change, "rent \"relief\"")
            XCTAssertNil(second?.entry.area)
            XCTAssertNil(try store.verify().problem)
        }
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

    /// Entries with every shape of field: absent, empty, non-ASCII, quoted, and long enough
    /// (about 5 MB of `care` in all) that the import hands batches over by size, not only by count.
    private func assortedEntries() -> [LedgerEntry] {
        (0..<1_000).map { i in
            var e = LedgerEntry(at: t(Int64(i) - 500), kind: i % 3 == 0 ? "masks" : "childcare_hours_by_volunteers",
                                quantity: Quantity(milli: Int64(i * 7)))
            e.area = i % 4 == 0 ? nil : (i % 4 == 1 ? "" : "a0\(i % 9)")
            e.demand = i % 5 == 0 ? nil : "public-health-funding"
            e.care = i % 7 == 0 ? String(repeating: "soupé ", count: 5_000 + i) : (i % 7 == 1 ? "" : nil)
            e.cause = i % 11 == 0 ? "" : (i % 2 == 0 ? "layoffs – ünïcode 💡" : nil)
            e.change = i % 13 == 0 ? "rent \"relief\", again" : nil
            return e
        }
    }

    func testAnImportStoresExactlyWhatAppendsStore() throws {
        let entries = assortedEntries()
        try forEachStore { imported in
            var rows = entries.makeIterator()
            let summary = try imported.importEntries(recordedAt: t(0), progress: nil) { rows.next() }
            let appended = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
            for e in entries { _ = try appended.append(e, recordedAt: t(0)) }
            XCTAssertEqual(summary.count, entries.count)
            XCTAssertEqual(summary.head, try appended.head())
            XCTAssertEqual(try imported.entries(EntryQuery()), try appended.entries(EntryQuery()))
            XCTAssertNil(try imported.verify().problem)
        }
    }

    func testAnImportStoresEmptyOptionalFieldsAsNull() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        var rows = assortedEntries().makeIterator()
        _ = try SQLiteLedgerStore(path: path).importEntries(recordedAt: t(0), progress: nil) { rows.next() }
        XCTAssertEqual(try sqlite3(path, """
            SELECT count(*) FROM entries WHERE area = '' OR demand = '' OR care = '' OR cause = '' OR change = ''
                OR corrects IS NOT NULL OR correction_reason IS NOT NULL OR length(hash) != 32;
            """), "0\n")
        XCTAssertEqual(try sqlite3(path, "SELECT count(*) FROM entries WHERE area IS NULL;"), "500\n")
    }

    func testAnImportRefusesTheSeparatorAndImportsNothing() throws {
        try forEachStore { store in
            _ = try store.append(entry(0), recordedAt: t(0))
            let before = try store.head()
            var entries = (1...5_000).map { entry(Int64($0)) }
            entries[4_500].cause = "a\u{1F}b"
            var rows = entries.makeIterator()
            XCTAssertThrowsError(try store.importEntries(recordedAt: t(1), progress: nil) { rows.next() }) {
                XCTAssertEqual("\($0)", "\(StoreError.invalidText(field: "cause"))")
            }
            XCTAssertEqual(try store.head(), before)
            XCTAssertNil(try store.verify().problem)
        }
    }

    /// A row that SQLite refuses in the middle of a many-row statement aborts the whole import.
    func testARowTheDatabaseRefusesRollsEverythingBack() throws {
        try forEachStore { store in
            _ = try store.append(entry(0), recordedAt: t(0))
            let before = try store.head()
            var entries = (1...5_000).map { entry(Int64($0)) }
            entries[3_000].quantity = Quantity(milli: -1)  // the reader refuses it; the schema too
            var rows = entries.makeIterator()
            XCTAssertThrowsError(try store.importEntries(recordedAt: t(1), progress: nil) { rows.next() }) {
                XCTAssertTrue("\($0)".contains("CHECK constraint failed"), "\($0)")
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
