import CrescendoCore
import CrescendoStore
import XCTest

/// Edits made behind Crescendo's back (the `sqlite3` shell, `psql`, after lifting the
/// append-only guard, as an attacker must) are caught by `verify` on every store, which names
/// the first entry that does not match, in the same words.
final class TamperConformanceTests: XCTestCase {
    /// Ten entries, then the attack, then a verify through a store opened afresh read-only.
    private func attacked(_ sqlite: String, postgres: String? = nil, _ check: (ChainReport) -> Void) async throws {
        try await forEachStore { l in
            for h in 1...10 { _ = try await l.store.append(entry(Int64(h), quantity: Int64(h)), recordedAt: t(100)) }
            let intact = try await l.store.verify()
            XCTAssertNil(intact.problem)
            try l.tamper(sqlite, postgres: postgres)
            let reader = try await l.reopen(readOnly: true)
            check(try await reader.verify())
            if l.kind != .sqliteMemory { await reader.close() }
        }
    }

    func testAnEditedRowIsNamed() async throws {
        try await attacked("UPDATE entries SET quantity = 9000 WHERE seq = 4;") { report in
            XCTAssertEqual(report.problem?.seq, 4)
            XCTAssertEqual(report.problem?.message, "entry 4 does not match its hash: it was edited, or entries were reordered or replaced")
            XCTAssertEqual(report.count, 3)
        }
    }

    func testADeletedRowIsNamed() async throws {
        try await attacked("DELETE FROM entries WHERE seq = 6;") { report in
            XCTAssertEqual(report.problem?.message, "entry 6 is missing (seq jumps from 5 to 7): entries were deleted")
        }
    }

    func testReorderedRowsAreNamed() async throws {
        // Swap the contents (hashes included) of entries 3 and 7, keeping every seq in place.
        try await attacked("""
            CREATE TEMP TABLE s AS SELECT * FROM entries WHERE seq IN (3, 7);
            UPDATE entries SET at = (SELECT at FROM s WHERE seq = 10 - entries.seq), quantity = (SELECT quantity FROM s WHERE seq = 10 - entries.seq),
                               hash = (SELECT hash FROM s WHERE seq = 10 - entries.seq) WHERE seq IN (3, 7);
            """) { report in
            XCTAssertEqual(report.problem?.seq, 3)
        }
    }

    func testRowsRenumberedToCloseAGapAreNamed() async throws {
        // PostgreSQL checks the primary key row by row, so the renumbering goes through negative seqs.
        try await attacked("DELETE FROM entries WHERE seq = 5; UPDATE entries SET seq = seq - 1 WHERE seq > 5;",
                           postgres: """
                            ALTER TABLE entries DROP CONSTRAINT entries_seq_check; DELETE FROM entries WHERE seq = 5;
                            UPDATE entries SET seq = -seq WHERE seq > 5; UPDATE entries SET seq = -seq - 1 WHERE seq < 0;
                            """) { report in
            XCTAssertEqual(report.problem?.seq, 5)
        }
    }

    func testEntriesRemovedFromTheEndAreNoticed() async throws {
        try await attacked("DELETE FROM entries WHERE seq > 8;") { report in
            XCTAssertEqual(report.problem?.message, "the ledger ends at entry 8, but entry 10 was recorded: entries were removed from the end")
        }
    }

    func testAnUntouchedLedgerVerifies() async throws {
        try await attacked("SELECT 1;") { report in
            XCTAssertNil(report.problem)
            XCTAssertEqual(report.count, 10)
        }
    }
}
