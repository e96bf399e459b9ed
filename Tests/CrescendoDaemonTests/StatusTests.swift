import CrescendoCore
@testable import CrescendoDaemon
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// `GET /api/status` stays small as the ledger grows (a summary per rule) and shows one rule
/// in full with `?rule=ID`.
final class StatusTests: XCTestCase {
    /// Entries a second apart from midnight, the briefing campaign's deadline opened every second one.
    private static func entries(_ n: Int, from start: Int = 0) -> String {
        "[" + (start..<(start + n)).map { i in
            String(format: #"{"kind":"masks","at":"2026-03-01T00:%02d:%02d"}"#, i / 60, i % 60)
        }.joined(separator: ",") + "]"
    }

    private static func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testTheSummaryListsTheMostUrgentDeadlinesAndCountsTheRest() async throws {
        try await withStatusAPI { client, fx, scheduler in
            _ = try await post(client, "/api/entries", Self.entries(100))
            try await scheduler.step()
            let (ok, small) = try await get(client, "/api/status")
            XCTAssertEqual(ok, .ok)
            let campaign = try XCTUnwrap((try Self.json(small)["campaigns"] as? [[String: Any]])?.first)
            let deadlines = try XCTUnwrap(campaign["deadlines"] as? [[String: Any]])
            XCTAssertEqual(deadlines.map { $0["number"] as? Int }, (1...20).map { $0 }, "the soonest due first")
            XCTAssertEqual(campaign["deadlines_total"] as? Int, 50)
            XCTAssertEqual((campaign["timers"] as? [Any])?.count, 20)
            XCTAssertGreaterThanOrEqual(campaign["timers_total"] as? Int ?? 0, 50, "a timer per open deadline")
            let brief = try XCTUnwrap((campaign["rules"] as? [[String: Any]])?.first { $0["rule"] as? String == "brief" })
            XCTAssertEqual(brief["open_deadlines"] as? Int, 50)

            // Ten times the deadlines: the summary grows by the counts' digits, not by the deadlines.
            _ = try await post(client, "/api/entries", Self.entries(900, from: 100))
            try await scheduler.step()
            let (_, big) = try await get(client, "/api/status")
            let again = try XCTUnwrap((try Self.json(big)["campaigns"] as? [[String: Any]])?.first)
            XCTAssertEqual(again["deadlines_total"] as? Int, 500)
            XCTAssertEqual((again["deadlines"] as? [Any])?.count, 20)
            XCTAssertLessThan(abs(big.utf8.count - small.utf8.count), 400, "\(small.utf8.count) then \(big.utf8.count) bytes")
        }
    }

    func testOneRuleInFull() async throws {
        try await withStatusAPI { client, _, scheduler in
            _ = try await post(client, "/api/entries", Self.entries(100))
            try await scheduler.step()
            let (ok, text) = try await get(client, "/api/status?rule=brief")
            XCTAssertEqual(ok, .ok)
            let body = try Self.json(text)
            XCTAssertEqual(body["rule"] as? String, "brief")
            let campaign = try XCTUnwrap((body["campaigns"] as? [[String: Any]])?.first)
            XCTAssertEqual((campaign["rules"] as? [[String: Any]])?.map { $0["rule"] as? String }, ["brief"])
            let deadlines = try XCTUnwrap(campaign["deadlines"] as? [[String: Any]])
            XCTAssertEqual(deadlines.count, 50)
            XCTAssertEqual(Set(deadlines.map { $0["rule"] as? String }), ["brief"])
            XCTAssertEqual(campaign["deadlines_total"] as? Int, 50)
            let timers = try XCTUnwrap(campaign["timers"] as? [[String: Any]])
            XCTAssertGreaterThanOrEqual(timers.count, 50, "every timer of the rule, not 20")
            XCTAssertEqual(Set(timers.map { $0["rule"] as? String }), ["brief"])

            let (daily, dailyText) = try await get(client, "/api/status?rule=daily&campaign=fixture")
            XCTAssertEqual(daily, .ok)
            let dailyCampaign = try XCTUnwrap((try Self.json(dailyText)["campaigns"] as? [[String: Any]])?.first)
            XCTAssertEqual(dailyCampaign["deadlines_total"] as? Int, 0)
            XCTAssertEqual((dailyCampaign["timers"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["schedule"])

            let (missing, missingText) = try await get(client, "/api/status?rule=nope")
            XCTAssertEqual(missing, .notFound)
            XCTAssertEqual(missingText, #"{"error":"no rule nope; GET /api/status lists the rules","field":"rule"}"#)
            let (elsewhere, elsewhereText) = try await get(client, "/api/status?rule=brief&campaign=other")
            XCTAssertEqual(elsewhere, .notFound)
            XCTAssertEqual(elsewhereText, #"{"error":"no rule brief in campaign other; GET /api/status lists the rules","field":"rule"}"#)
            let (alone, _) = try await get(client, "/api/status?campaign=fixture")
            XCTAssertEqual(alone, .badRequest)
        }
    }

    private func withStatusAPI(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture, Scheduler) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        try APITests.briefingCampaign.write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertTrue(fx.registry.reload(at: fx.clock.now()))
        let scheduler = fx.scheduler()
        try await Application(router: fx.api(scheduler: scheduler).router()).test(.router) { client in try await body(client, fx, scheduler) }
    }
}
