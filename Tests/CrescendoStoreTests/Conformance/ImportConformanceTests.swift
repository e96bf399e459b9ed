import CrescendoCore
import CrescendoInputs
import CrescendoStore
import XCTest

/// Imports on every store: one transaction, the same chain as appending one at a time (pinned
/// to hashes computed outside Crescendo), and nothing written when any row is refused.
final class ImportConformanceTests: XCTestCase {
    private func csv(rows: Int, badAt: Int? = nil) -> String {
        var text = "id,at,kind,quantity,area\n"
        for i in 1...rows {
            let quantity = i == badAt ? "-1" : "\(i % 7)"
            text += "\(i),2026-01-01T00:00:00Z,masks,\(quantity),a0\(i % 2 + 1)\n"
        }
        return text
    }

    func testAnImportChainsExactlyLikeOneAppendAtATime() async throws {
        let text = csv(rows: 10_000)
        let appended = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        let r = try csvReader(text)
        var last: StoredEntry?
        while let e = try r.next() { last = try appended.append(e, recordedAt: t(0)) }
        try await forEachStore { l in
            let summary = try await l.store.importEntries(recordedAt: t(0), progress: nil, try csvReader(text).next)
            XCTAssertEqual(summary.count, 10_000)
            XCTAssertEqual(summary.firstSeq, 1)
            XCTAssertEqual(summary.head.hash, last?.hash)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
        }
    }

    /// The chain of an import is pinned to hashes computed outside Crescendo (Python's hashlib
    /// over the encoding in docs/ledger.md), so no store's importer can drift from it.
    func testAnImportChainsToKnownHashes() async throws {
        let text = """
            at,kind,quantity,area,demand,care,cause,change
            2026-01-01T00:01:35Z,childcare_hours,5,a13,paid-sick-leave,,,
            2026-01-01T00:06:00Z,masks,2.5,,public-health-funding,"soup, bread",,"rent ""relief\"""
            2026-01-01T02:00:00Z,calls_diverted,0,a01,,,layoffs,

            """
        try await forEachStore { l in
            let summary = try await l.store.importEntries(recordedAt: t(0), progress: nil, try csvReader(text).next)
            XCTAssertEqual(summary.count, 3)
            XCTAssertEqual(summary.head.hash, "2479ad411f443cb0bc6b84c05f595aab5f5797e05966aa42b375b7eee6a5ac82")
            let hashes = try await l.store.entries(EntryQuery()).map(\.hash)
            XCTAssertEqual(hashes, ["e048763bc4e8e02c2f6885a54dab5b8d65bd9baea44dafd3bc9b31b7e684852d",
                                    "cc7c66ed9583be8d4ef9986d3e378586ad697312927730af8a08cbbc0ee713c5",
                                    "2479ad411f443cb0bc6b84c05f595aab5f5797e05966aa42b375b7eee6a5ac82"])
            let second = try await l.store.entry(seq: 2)
            XCTAssertEqual(second?.entry.care, "soup, bread")
            XCTAssertEqual(second?.entry.change, "rent \"relief\"")
            XCTAssertNil(second?.entry.area)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
        }
    }

    func testABadRowAfterSeveralBatchesRollsEverythingBack() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(0), recordedAt: t(0))
            let before = try await l.store.head()
            await assertThrows(try await l.store.importEntries(recordedAt: t(1), progress: nil, try csvReader(csv(rows: 20_000, badAt: 19_000)).next)) {
                XCTAssertEqual("\($0)", "ledger.csv:19001: negative quantity \"-1\" in column quantity")
            }
            let after = try await l.store.head()
            XCTAssertEqual(after, before)
            // The ledger takes the next import as if nothing had happened.
            let summary = try await l.store.importEntries(recordedAt: t(9), progress: nil, try csvReader(csv(rows: 2)).next)
            XCTAssertEqual(summary.firstSeq, 2)
            XCTAssertEqual(summary.head.count, 3)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
        }
    }

    /// Entries with every shape of field: absent, empty, non-ASCII, quoted, tabs, newlines and
    /// backslashes (which PostgreSQL's COPY escapes), and long enough (about 5 MB of `care` in
    /// all) that an import hands batches over by size, not only by count.
    private func assortedEntries() -> [LedgerEntry] {
        (0..<1_000).map { i in
            var e = LedgerEntry(at: t(Int64(i) - 500), kind: i % 3 == 0 ? "masks" : "childcare_hours_by_volunteers",
                                quantity: Quantity(milli: Int64(i * 7)))
            e.area = i % 4 == 0 ? nil : (i % 4 == 1 ? "" : "a0\(i % 9)")
            e.demand = i % 5 == 0 ? nil : "public-health-funding"
            e.care = i % 7 == 0 ? String(repeating: "soupé ", count: 5_000 + i) : (i % 7 == 1 ? "" : nil)
            e.cause = i % 11 == 0 ? "" : (i % 2 == 0 ? "layoffs – ünïcode 💡" : nil)
            e.change = i % 13 == 0 ? "rent \"relief\", again\twith a tab,\na newline,\r\na CRLF and a \\ backslash \\N" : nil
            return e
        }
    }

    func testAnImportStoresExactlyWhatAppendsStore() async throws {
        let entries = assortedEntries()
        let appended = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
        for e in entries { _ = try appended.append(e, recordedAt: t(0)) }
        let expected = try appended.entries(EntryQuery())
        try await forEachStore { l in
            var rows = entries.makeIterator()
            let summary = try await l.store.importEntries(recordedAt: t(0), progress: nil) { rows.next() }
            XCTAssertEqual(summary.count, entries.count)
            let head = try await l.store.head()
            XCTAssertEqual(head, try appended.head())
            let imported = try await l.store.entries(EntryQuery())
            XCTAssertEqual(imported, expected)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
            XCTAssertEqual(try l.sql("""
                SELECT count(*) FROM entries WHERE area = '' OR demand = '' OR care = '' OR cause = '' OR change = ''
                    OR corrects IS NOT NULL OR correction_reason IS NOT NULL OR length(hash) != 32
                """), "0\n")
            XCTAssertEqual(try l.sql("SELECT count(*) FROM entries WHERE area IS NULL"), "500\n")
        }
    }

    func testAnImportRefusesTheSeparatorAndImportsNothing() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(0), recordedAt: t(0))
            let before = try await l.store.head()
            var entries = (1...5_000).map { entry(Int64($0)) }
            entries[4_500].cause = "a\u{1F}b"
            var rows = entries.makeIterator()
            await assertThrows(try await l.store.importEntries(recordedAt: t(1), progress: nil) { rows.next() }) {
                XCTAssertEqual("\($0)", "\(StoreError.invalidText(field: "cause"))")
            }
            let after = try await l.store.head()
            XCTAssertEqual(after, before)
        }
    }

    /// A row the database itself refuses (its CHECK on quantity) aborts the whole import.
    func testARowTheDatabaseRefusesRollsEverythingBack() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(0), recordedAt: t(0))
            let before = try await l.store.head()
            var entries = (1...5_000).map { entry(Int64($0)) }
            entries[3_000].quantity = Quantity(milli: -1)  // the reader refuses it; the schema too
            var rows = entries.makeIterator()
            await assertThrows(try await l.store.importEntries(recordedAt: t(1), progress: nil) { rows.next() }) {
                XCTAssertTrue("\($0)".lowercased().contains("check constraint"), "\($0)")
            }
            let after = try await l.store.head()
            XCTAssertEqual(after, before)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
        }
    }

    func testProgressIsReported() async throws {
        try await forEachStore { l in
            var reported: [Int] = []
            _ = try await l.store.importEntries(recordedAt: t(0), progress: { reported.append($0) }, try csvReader(csv(rows: 70_000)).next)
            XCTAssertEqual(reported.last, 70_000)
            XCTAssertGreaterThan(reported.count, 1)
        }
    }
}
