import CrescendoTestSupport
import Foundation
import XCTest

/// `crescendo token add|list|revoke` and `crescendo audit`, and the audit lines of the command
/// line's writes and refusals.
final class AccessCLITests: XCTestCase {
    func testTokenAddPrintsOnlyTheTokenAndListNeverShowsIt() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        let add = try crescendo(["token", "add", "--db", db, "--name", "ana", "--role", "recorder", "--expires", "30d"])
        XCTAssertEqual(add.status, 0, add.stderr)
        let token = add.stdout.trimmingCharacters(in: .newlines)
        XCTAssertEqual(add.stdout, token + "\n", "one line, the token and nothing else")
        XCTAssertTrue(token.hasPrefix("cr_") && token.count == 46, token)
        XCTAssertEqual(add.stderr, "")

        let again = try crescendo(["token", "add", "--db", db, "--name", "ana", "--role", "admin"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "error: a token named ana already exists (names stay taken after a revoke); choose another name\n")
        XCTAssertEqual(again.stdout, "")
        XCTAssertEqual(try crescendo(["token", "add", "--db", db, "--name", "sam", "--role", "organizer", "--expires", "2099-12-31"]).status, 0)
        let bad = try crescendo(["token", "add", "--db", db, "--name", "x", "--role", "recorder", "--expires", "soon"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--expires is a date (2027-03-31), a date-time (2027-03-31T18:00) or a duration (30d), not \"soon\""), bad.stderr)
        XCTAssertNotEqual(try crescendo(["token", "add", "--db", db, "--name", "cli", "--role", "admin"]).status, 0)
        XCTAssertNotEqual(try crescendo(["token", "add", "--db", db, "--name", "x", "--role", "boss"]).status, 0)

        let list = try crescendo(["token", "list", "--db", db])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertFalse(list.stdout.contains(token))
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), "NAME  ROLE       CREATED               EXPIRES               LAST USED  STATE")
        XCTAssertTrue(lines[2].hasPrefix("sam   organizer") && lines[2].contains("2100-01-01T00:00:00Z") && lines[2].hasSuffix("never      active"),
                      String(lines[2]))

        XCTAssertEqual(try crescendo(["token", "revoke", "--db", db, "ana"]).stdout, "token ana revoked\n")
        let missing = try crescendo(["token", "revoke", "--db", db, "nobody"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "error: there is no token named nobody (crescendo token list shows them)\n")
        let json = try crescendo(["token", "list", "--db", db, "--format", "json"])
        XCTAssertTrue(json.stdout.hasPrefix(#"{"name":"ana","role":"recorder","created":""#), json.stdout)
        XCTAssertTrue(json.stdout.split(separator: "\n")[0].hasSuffix(#""state":"revoked"}"#), json.stdout)

        let audit = try crescendo(["audit", "--db", db, "--format", "json"])
        let outcomes = audit.stdout.split(separator: "\n").map { line in
            ["token add", "token revoke"].first { line.contains(#""what":"\#($0)""#) }.map { "\($0) \(line.contains(#""outcome":201"#) ? 201 : line.contains(#""outcome":409"#) ? 409 : line.contains(#""outcome":404"#) ? 404 : 200)" }
        }
        XCTAssertEqual(outcomes, ["token add 201", "token add 409", "token add 201", "token revoke 200", "token revoke 404"])
        XCTAssertTrue(audit.stdout.contains(#""who":"cli","role":null"#), audit.stdout)
    }

    func testTheCommandLineRefusesLongTextNamingTheOptionOrLineAndAuditsIt() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        let long = String(repeating: "x", count: 2001)
        let add = try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--care", long])
        XCTAssertNotEqual(add.status, 0)
        XCTAssertTrue(add.stderr.contains("--care is 2001 characters, more than the 2000 characters it may hold"), add.stderr)
        let csv = dir.path("l.csv")
        try "at,kind,quantity,area,demand,care,cause,change\n2026-01-01T10:00,masks,1,,,ok,,\n2026-01-01T11:00,masks,1,,,,\(long),\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try crescendo(["ledger", "import", "--db", db, csv])
        XCTAssertEqual(imported.status, 1)
        XCTAssertEqual(imported.stderr, "error: l.csv:3: cause is 2001 characters, more than the 2000 characters it may hold\n")
        XCTAssertEqual(try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--care", "fine"]).status, 0)
        let table = try crescendo(["audit", "--db", db])
        let rows = table.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertEqual(rows.map { "\($0[2]) \($0[4]) \($0[5])" }, ["cli ledger add", "cli ledger import", "cli ledger add"])
        XCTAssertTrue(table.stdout.contains("422") && table.stdout.contains("seq 1  201"), table.stdout)
        XCTAssertEqual(try crescendo(["ledger", "verify", "--db", db]).stdout.hasPrefix("ledger intact: 1 entries"), true)
    }
}
