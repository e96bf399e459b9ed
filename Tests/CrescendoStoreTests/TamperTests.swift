import CrescendoCore
import CrescendoStore
import CrescendoTestSupport
import XCTest

/// Edits made with the `sqlite3` shell behind Crescendo's back (after dropping the triggers,
/// as an attacker must) are caught by `verify`, which names the first entry that does not match.
final class TamperTests: XCTestCase {
    private var folder: ScratchFolder!
    private var path = ""

    override func setUpWithError() throws {
        folder = try ScratchFolder("store")
        path = folder.path("ledger.sqlite")
        let store = try SQLiteLedgerStore(path: path)
        for h in 1...10 { _ = try store.append(entry(Int64(h), quantity: Int64(h)), recordedAt: t(100)) }
        XCTAssertNil(try store.verify().problem)
    }

    private func attack(_ sql: String) throws -> ChainReport {
        try sqlite3(path, "DROP TRIGGER entries_are_append_only_update; DROP TRIGGER entries_are_append_only_delete; " + sql)
        return try SQLiteLedgerStore(path: path, access: .readOnly).verify()
    }

    func testAnEditedRowIsNamed() throws {
        let report = try attack("UPDATE entries SET quantity = 9000 WHERE seq = 4;")
        XCTAssertEqual(report.problem?.seq, 4)
        XCTAssertEqual(report.problem?.message, "entry 4 does not match its hash: it was edited, or entries were reordered or replaced")
    }

    func testADeletedRowIsNamed() throws {
        let report = try attack("DELETE FROM entries WHERE seq = 6;")
        XCTAssertEqual(report.problem?.message, "entry 6 is missing (seq jumps from 5 to 7): entries were deleted")
    }

    func testReorderedRowsAreNamed() throws {
        // Swap the contents (hashes included) of entries 3 and 7, keeping every seq in place.
        let report = try attack("""
            CREATE TEMP TABLE s AS SELECT * FROM entries WHERE seq IN (3, 7);
            UPDATE entries SET at = (SELECT at FROM s WHERE seq = 10 - entries.seq), quantity = (SELECT quantity FROM s WHERE seq = 10 - entries.seq),
                               hash = (SELECT hash FROM s WHERE seq = 10 - entries.seq) WHERE seq IN (3, 7);
            """)
        XCTAssertEqual(report.problem?.seq, 3)
    }

    func testRowsRenumberedToCloseAGapAreNamed() throws {
        let report = try attack("DELETE FROM entries WHERE seq = 5; UPDATE entries SET seq = seq - 1 WHERE seq > 5;")
        XCTAssertEqual(report.problem?.seq, 5)
    }

    func testEntriesRemovedFromTheEndAreNoticed() throws {
        let report = try attack("DELETE FROM entries WHERE seq > 8;")
        XCTAssertEqual(report.problem?.message, "the ledger ends at entry 8, but entry 10 was recorded: entries were removed from the end")
    }

    func testAnUntouchedLedgerVerifies() throws {
        let report = try SQLiteLedgerStore(path: path, access: .readOnly).verify()
        XCTAssertNil(report.problem)
        XCTAssertEqual(report.count, 10)
    }
}
