import Foundation
import CrescendoTestSupport
import XCTest

/// `crescendo respond`: the engine says whether a response answers its deadline in time or
/// late, and a deadline never opened (or already answered) is refused with nothing recorded.
final class RespondCLITests: XCTestCase {
    private let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var campaign: String { repo.appendingPathComponent("campaigns/paid-sick-leave.yaml").path }

    /// The sample ledger opens deadline 1 at 2027-01-08 19:50 (due 2027-01-22 19:50), 2 at
    /// 01-11 09:05 (due 01-21 09:05), 3 at 01-13 08:22 (due 01-27 08:22), 4 at 01-18 20:42,
    /// Toronto time.
    private func ledger(in dir: ScratchFolder) throws -> String {
        let db = dir.path("l.sqlite")
        let csv = repo.appendingPathComponent("campaigns/data/paid-sick-leave.ledger.csv").path
        let imported = try crescendo(["ledger", "import", "--campaign", campaign, "--db", db, csv])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        return db
    }

    private func respond(_ db: String, _ deadline: String, at: String, win: String? = nil) throws -> RunResult {
        try crescendo(["respond", "--campaign", campaign, "--db", db, deadline, "--text", "We will table a bill", "--at", at]
                      + (win.map { ["--win", $0] } ?? []))
    }

    private func responseCount(_ db: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db, "SELECT count(*) FROM responses"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func testInTimeAtTheDueInstantLateAndOnlyOnce() throws {
        let dir = try ScratchFolder("cli")
        let db = try ledger(in: dir)
        let due = try respond(db, "1", at: "2027-01-22T19:50", win: "partial")
        XCTAssertEqual(due.stdout, "response to deadline 1 recorded: answered in time (due 2027-01-22 19:50) (partial win)\n", due.stderr)
        XCTAssertEqual(due.status, 0)
        let late = try respond(db, "3", at: "2027-01-27T08:23")
        XCTAssertEqual(late.stdout, "response to deadline 3 recorded: answered late (it came due 2027-01-27 08:22; its silence stays on the record)\n", late.stderr)
        XCTAssertEqual(try responseCount(db), "2\n")

        let again = try respond(db, "1", at: "2027-02-01T10:00")
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stdout, "")
        XCTAssertEqual(again.stderr, "error: deadline 1 was already answered at 2027-01-22 19:50; a deadline takes one response, so nothing was recorded\n")
        XCTAssertEqual(try responseCount(db), "2\n")
    }

    func testADeadlineNeverOpenedIsRefusedAndNothingIsRecorded() throws {
        let dir = try ScratchFolder("cli")
        let db = try ledger(in: dir)
        let unknown = try respond(db, "99", at: "2027-01-19T12:00")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "error: deadline 99 was never opened: as of 2027-01-19 12:00 deadlines 1 to 4 had been opened; nothing was recorded\n")
        // Deadline 4 exists later, but not yet at the response's time.
        let early = try respond(db, "4", at: "2027-01-18T12:00")
        XCTAssertEqual(early.stderr, "error: deadline 4 was never opened: as of 2027-01-18 12:00 deadlines 1 to 3 had been opened; nothing was recorded\n")
        let before = try respond(db, "1", at: "2027-01-05T12:00")
        XCTAssertEqual(before.stderr, "error: deadline 1 was never opened: as of 2027-01-05 12:00 no deadline had been opened; nothing was recorded\n")
        let afterEnd = try respond(db, "1", at: "2028-01-05T12:00")
        XCTAssertEqual(afterEnd.stderr, "error: the campaign ended at 2027-12-31 23:59; a response after its end changes nothing, so nothing was recorded\n")
        XCTAssertEqual(try responseCount(db), "0\n")
        let later = try respond(db, "4", at: "2027-01-19T12:00")
        XCTAssertEqual(later.stdout, "response to deadline 4 recorded: answered in time (due 2027-02-01 20:42)\n", later.stderr)
    }

    func testRespondNeedsTheCampaign() throws {
        let dir = try ScratchFolder("cli")
        let r = try crescendo(["respond", "--db", dir.path("l.sqlite"), "1", "--text", "x"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("give the campaign with --campaign FILE"), r.stderr)
    }
}
