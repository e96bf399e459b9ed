import CrescendoTestSupport
import Foundation
import XCTest

final class LedgerCLITests: XCTestCase {
    func testTwoConcurrentWritersGetContiguousSeqsAndAnUnbrokenChain() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("ledger.sqlite")
        XCTAssertEqual(try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--at", "2026-01-01T00:00:00Z"]).status, 0)
        let script = dir.path("writer.sh")
        try """
            #!/bin/sh
            for i in $(seq 1 50); do "\(crescendoBinary)" ledger add --db "\(db)" --kind "$1" --quantity "$i" || exit 1; done
            """.write(toFile: script, atomically: true, encoding: .utf8)
        func writer(_ kind: String) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = [script, kind]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return p
        }
        let a = try writer("masks"), b = try writer("childcare_hours")
        a.waitUntilExit(); b.waitUntilExit()
        XCTAssertEqual([a.terminationStatus, b.terminationStatus], [0, 0])
        let verify = try crescendo(["ledger", "verify", "--db", db])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.hasPrefix("ledger intact: 101 entries, head "), verify.stdout)
        let list = try crescendo(["ledger", "list", "--db", db, "--format", "json"])
        let seqs = list.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "\"seq\":") else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(seqs, Array(1...101))
    }

    func testAddPrintsSeqAndHashAndReportsRedactions() throws {
        let dir = try ScratchFolder("cli")
        let r = try crescendo(["ledger", "add", "--db", dir.path("l.sqlite"), "--kind", "masks", "--at", "2026-01-05T10:00",
                         "--care", "Call me on 416-555-0199 or at me@example.org"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("entry 1 recorded, hash "), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix(", 2 redactions\n"), r.stdout)
        let list = try crescendo(["ledger", "list", "--db", dir.path("l.sqlite"), "--format", "json"])
        XCTAssertTrue(list.stdout.contains("\"care\":\"Call me on [redacted] or at [redacted]\""), list.stdout)
        XCTAssertFalse(list.stdout.contains("555"))
    }

    func testImportOfABadFileImportsNothingAndExitsOne() throws {
        let dir = try ScratchFolder("cli")
        let csv = dir.path("ledger.csv")
        try "at,kind,quantity\n2026-01-01,masks,1\n2026-13-01,masks,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try crescendo(["ledger", "import", "--db", dir.path("l.sqlite"), csv])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "error: ledger.csv:3: bad date \"2026-13-01\" in column at\n")
        XCTAssertEqual(try crescendo(["ledger", "verify", "--db", dir.path("l.sqlite")]).stdout,
                       "ledger intact: 0 entries, head \(String(repeating: "0", count: 64))\n")
    }

    func testVerifyExitsOneNamingTheEntry() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        for q in 1...3 { XCTAssertEqual(try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--quantity", "\(q)"]).status, 0) }
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", db, "DROP TRIGGER entries_are_append_only_update; UPDATE entries SET quantity = 7000 WHERE seq = 2;"]
        try sqlite.run(); sqlite.waitUntilExit()
        let r = try crescendo(["ledger", "verify", "--db", db])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "error: ledger verification failed: entry 2 does not match its hash: it was edited, or entries were reordered or replaced\n")
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try crescendo(["ledger", "verify"]).status, 64)
        XCTAssertEqual(try crescendo(["ledger", "add", "--db", "/tmp/x.sqlite"]).status, 64)
    }

    func testANonSQLiteFileIsAOneLineError() throws {
        let dir = try ScratchFolder("cli")
        let path = dir.path("notes.txt")
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try crescendo(["ledger", "list", "--db", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "error: \(path) is not an SQLite database, so it cannot be a Crescendo ledger\n")
    }

    func testTheDatabaseComesFromTheEnvironment() throws {
        let dir = try ScratchFolder("cli")
        let r = try crescendo(["ledger", "add", "--kind", "masks"], environment: ["CRESCENDO_DB": dir.path("env.sqlite")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("env.sqlite")))
    }

    func testCorrectAndWeeklyStats() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        for _ in 1...6 { _ = try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--area", "a01", "--at", "2026-01-05T10:00Z"]) }
        _ = try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--area", "a02", "--at", "2026-01-06T10:00Z"])
        let c = try crescendo(["ledger", "correct", "1", "--db", db, "--reason", "wrong area", "--area", "a03"])
        XCTAssertEqual(c.status, 0, c.stderr)
        XCTAssertTrue(c.stdout.hasPrefix("entry 8 recorded, correcting entry 1, hash "), c.stdout)
        let stats = try crescendo(["ledger", "stats", "--db", db, "--weekly"])
        XCTAssertEqual(stats.stdout, """
            week      kind   area  entries       total
            2026-W02  masks  a01   5             5
            2026-W02  masks  a02   fewer than 5  -
            2026-W02  masks  a03   fewer than 5  -

            """)
    }

    func testWorkloadIsDeterministic() throws {
        let dir = try ScratchFolder("cli")
        for name in ["a", "b"] {
            XCTAssertEqual(try crescendo(["workload", "w1", "--entries", "1000", "--seed", "3", "--out", dir.path(name)]).status, 0)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.path("a/ledger.csv")))
        XCTAssertEqual(a, try Data(contentsOf: URL(fileURLWithPath: dir.path("b/ledger.csv"))))
        XCTAssertEqual(String(decoding: a, as: UTF8.self).split(separator: "\n").count, 1001)
    }
}

extension LedgerCLITests {
    /// `ledger list --format json` prints each entry as `GET /api/ledger` shows it (one encoder,
    /// `StoredEntry.json`): every field, absent ones null, in the API's order.
    func testListAsJSONHasTheAPIShape() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        let add = try crescendo(["ledger", "add", "--db", db, "--kind", "masks", "--quantity", "2.5", "--at", "2026-01-05T10:00Z",
                                 "--area", "a01", "--care", "Masks"])
        XCTAssertEqual(add.status, 0, add.stderr)
        let list = try crescendo(["ledger", "list", "--db", db, "--format", "json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        let line = list.stdout.trimmingCharacters(in: .newlines)
        let prefix = #"{"seq":1,"at":"2026-01-05T10:00:00Z","kind":"masks","quantity":2.5,"area":"a01","demand":null,"care":"Masks","cause":null,"change":null,"recorded_at":""#
        XCTAssertTrue(line.hasPrefix(prefix), line)
        let hash = line.components(separatedBy: #"","hash":""#)
        XCTAssertEqual(hash.count, 2, line)
        XCTAssertTrue(hash.last.map { $0.count == 66 && $0.hasSuffix("\"}") && $0.dropLast(2).allSatisfy(\.isHexDigit) } ?? false, line)
        XCTAssertEqual(list.stdout.filter { $0 == "\n" }.count, 1)
    }
}

extension LedgerCLITests {
    /// `ledger add` refuses what the campaign does not declare with the message the API gives
    /// (`Campaign.problem(with:)`), and records nothing.
    func testAddRefusesUndeclaredValuesAsTheAPIDoes() throws {
        let dir = try ScratchFolder("cli")
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let campaign = repo.appendingPathComponent("campaigns/paid-sick-leave.yaml").path
        let db = dir.path("l.sqlite")
        let kind = try crescendo(["ledger", "add", "--campaign", campaign, "--db", db, "--kind", "bananas"])
        XCTAssertEqual(kind.status, 1)
        XCTAssertEqual(kind.stderr, "error: unknown kind \"bananas\" (declared metrics: masks, childcare_hours, calls_diverted)\n")
        let demand = try crescendo(["ledger", "add", "--campaign", campaign, "--db", db, "--kind", "masks", "--demand", "nope"])
        XCTAssertEqual(demand.stderr, "error: undeclared demand \"nope\" (declared demands: paid-sick-leave, sick-day-top-up)\n")
        XCTAssertEqual(try crescendo(["ledger", "list", "--db", db, "--format", "json"]).stdout, "", "nothing recorded")
    }
}
