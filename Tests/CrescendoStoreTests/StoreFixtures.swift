import CrescendoCore
import CrescendoInputs
import CrescendoStore
import CrescendoTestSupport
import Foundation
import XCTest

/// `2026-01-01T00:00:00Z` plus `hours`.
func t(_ hours: Int64) -> Instant { Instant(seconds: 1_767_225_600 + hours * 3600) }

func entry(_ hours: Int64, _ kind: String = "masks", quantity: Int64 = 1, area: String? = "a01", care: String? = nil) -> LedgerEntry {
    LedgerEntry(at: t(hours), kind: kind, quantity: Quantity(quantity), area: area, demand: "paid-sick-leave", care: care)
}

/// A ledger CSV reader over text.
func csvReader(_ text: String, file: String = "ledger.csv") throws -> LedgerCSVReader {
    try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(text.utf8), fileName: file), file: file, campaign: nil)
}

/// Asserts that `expression` throws, and hands the error to `check`.
func assertThrows<T>(_ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
                     _ check: (any Error) -> Void = { _ in }) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        check(error)
    }
}

/// Runs the `sqlite3` shell on a database file; fails the test when it exits non-zero.
@discardableResult
func sqlite3(_ path: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    do { return try sqliteShell(path, sql) } catch {
        XCTFail("sqlite3 failed: \(error)", file: file, line: line)
        return ""
    }
}

/// Runs the `sqlite3` shell on a database file; throws its error output when it fails.
func sqliteShell(_ path: String, _ sql: String) throws -> String {
    try ShellTool.run(["sqlite3", "-bail", path, sql])
}
