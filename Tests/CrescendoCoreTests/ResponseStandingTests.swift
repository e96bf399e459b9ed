import CrescendoCore
import XCTest

/// The engine says whether a response answers its deadline: in time (the due instant
/// included), late, already answered, or never opened as of the response's instant.
final class ResponseStandingTests: XCTestCase {
    /// One briefing at 2027-01-02T10:00Z opens deadline 1, due a day later.
    private let campaign = Fx.campaign([Fx.rule("brief", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil),
                                                do: [ActionSpec(.briefing(demand: "psl", deadline: .days(1), to: nil))])],
                                       end: "2027-06-01")
    private let opened = Fx.t("2027-01-02T10:00Z")

    private func standing(at: Instant, deadline: Int = 1, earlier: [Response] = []) throws -> ResponseStanding {
        let entries = [LedgerEntry(at: opened, kind: "masks")]
        return try ResponseStanding.judge(Response(at: at, deadline: deadline, text: "yes"), campaign: campaign, openBatches: {
            var done = false
            return { defer { done = true }; return done ? nil : entries.map { KeyedEntry(entry: $0) } }
        }, indicators: [], responses: earlier)
    }

    private func name(_ s: ResponseStanding) -> String {
        switch s {
        case .inTime: return "in time"
        case .late: return "late"
        case .alreadyAnswered: return "already answered"
        case .neverOpened(let n): return "never opened (\(n))"
        case .afterTheEnd: return "after the end"
        }
    }

    func testInTimeThroughTheDueInstantThenLate() throws {
        let due = opened + .days(1)
        XCTAssertEqual(name(try standing(at: opened + .hours(1))), "in time")
        XCTAssertEqual(name(try standing(at: due)), "in time")
        XCTAssertEqual(name(try standing(at: due + TimeSpan(seconds: 1))), "late")
        XCTAssertTrue(try standing(at: due + .days(3)).answers, "a late response still answers")
    }

    func testADeadlineCountsAsOpenedOnlyAfterItsBriefingsInstant() throws {
        // At the briefing's own instant the engine applies the response before it judges the
        // briefing: the deadline is not open yet.
        XCTAssertEqual(name(try standing(at: opened)), "never opened (0)")
        XCTAssertEqual(name(try standing(at: opened - .hours(1))), "never opened (0)")
        XCTAssertEqual(name(try standing(at: opened + .hours(1), deadline: 2)), "never opened (1)")
        XCTAssertFalse(try standing(at: opened).answers)
    }

    func testASecondResponseAndOneAfterTheEndAreRefused() throws {
        let first = Response(at: opened + .hours(1), deadline: 1, text: "we will")
        XCTAssertEqual(name(try standing(at: opened + .hours(2), earlier: [first])), "already answered")
        XCTAssertEqual(name(try standing(at: Fx.t("2027-06-02"))), "after the end")
    }
}
