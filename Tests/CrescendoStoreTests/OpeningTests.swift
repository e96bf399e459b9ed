import CrescendoCore
@testable import CrescendoStore
import CrescendoTestSupport
import Foundation
import XCTest

final class OpeningTests: XCTestCase {
    func testAFileThatIsNotSQLiteIsRefused() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("notes.sqlite")
        try Data("campaign: paid-sick-leave\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SQLiteLedgerStore(path: path)) {
            XCTAssertEqual("\($0)", "\(path) is not an SQLite database, so it cannot be a Crescendo ledger")
        }
    }

    func testAnotherSQLiteDatabaseIsRefused() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("other.sqlite")
        try sqlite3(path, "CREATE TABLE people (name TEXT);")
        XCTAssertThrowsError(try SQLiteLedgerStore(path: path)) {
            XCTAssertEqual("\($0)", "\(path) is an SQLite database but not a Crescendo ledger (it has no meta table)")
        }
    }

    func testANewerSchemaIsRefused() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path)
        try sqlite3(path, "UPDATE meta SET value = '7' WHERE key = 'schema_version';")
        for access in [SQLiteLedgerStore.Access.readWrite, .readOnly] {
            XCTAssertThrowsError(try SQLiteLedgerStore(path: path, access: access)) {
                XCTAssertEqual("\($0)", "\(path) has ledger schema version 7, newer than this build of crescendo knows (6); upgrade crescendo to use it")
            }
        }
    }

    func testAMissingFileIsNotCreatedForReading() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("none.sqlite")
        XCTAssertThrowsError(try SQLiteLedgerStore(path: path, access: .readOnly)) { XCTAssertEqual("\($0)", "no ledger database at \(path)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testWritingThroughAReadOnlyConnectionIsAClearError() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path).append(entry(1), recordedAt: t(1))
        let store = try SQLiteLedgerStore(path: path, access: .readOnly)
        XCTAssertThrowsError(try store.append(entry(2), recordedAt: t(2))) { XCTAssertEqual("\($0)", "\(path) is read-only; nothing was recorded") }
        XCTAssertEqual(try store.head().count, 1)
    }

    func testAReadOnlyFileIsRefusedForWriting() throws {
        try XCTSkipIf(getuid() == 0, "root may write to any file, so file permissions cannot make it read-only")
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        _ = try SQLiteLedgerStore(path: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        XCTAssertThrowsError(try SQLiteLedgerStore(path: path)) { XCTAssertEqual("\($0)", "\(path) is read-only; nothing was recorded") }
    }

    func testAFullDiskRollsTheImportBack() throws {
        let folder = try ScratchFolder("store")
        let path = folder.path("ledger.sqlite")
        let store = try SQLiteLedgerStore(path: path)
        _ = try store.append(entry(0), recordedAt: t(0))
        let before = try store.head()
        // Cap the file at its current size: the next pages cannot be allocated (SQLITE_FULL).
        try store.dbQueue.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var n: Int64 = 0
        XCTAssertThrowsError(try store.importEntries(recordedAt: t(1), progress: nil) {
            n += 1
            return n <= 5_000 ? entry(n, care: String(repeating: "x", count: 200)) : nil
        }) {
            XCTAssertEqual("\($0)", "the disk is full while writing \(path); the transaction was rolled back and nothing was recorded")
        }
        XCTAssertEqual(try store.head(), before)
        XCTAssertNil(try store.verify().problem)
    }
}
