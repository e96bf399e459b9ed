import CrescendoCore
import CrescendoStore
import CrescendoTestSupport
import Foundation
import XCTest

/// Runs a test body against an in-memory and an on-disk ledger.
func forEachStore(_ body: (SQLiteLedgerStore) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
    try body(SQLiteLedgerStore(inMemoryNamed: UUID().uuidString))
    let dir = try ScratchFolder("store")
    try body(SQLiteLedgerStore(path: dir.path("ledger.sqlite")))
}

/// `2026-01-01T00:00:00Z` plus `hours`.
func t(_ hours: Int64) -> Instant { Instant(seconds: 1_767_225_600 + hours * 3600) }

func entry(_ hours: Int64, _ kind: String = "masks", quantity: Int64 = 1, area: String? = "a01", care: String? = nil) -> LedgerEntry {
    LedgerEntry(at: t(hours), kind: kind, quantity: Quantity(quantity), area: area, demand: "paid-sick-leave", care: care)
}

/// Runs the `sqlite3` shell on a database file; fails the test when it exits non-zero.
@discardableResult
func sqlite3(_ path: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sqlite3", path, sql]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    p.waitUntilExit()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(p.terminationStatus, 0, "sqlite3 failed: \(errors)", file: file, line: line)
    return text
}
