import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import XCTest

/// `POST /api/responses` judges a response from the scheduler's engine (`Scheduler.judge`);
/// `crescendo respond` replays the ledger (`LedgerStore.judge`). Both give the same answers.
final class ResponseJudgingTests: XCTestCase {
    private func kind(_ s: ResponseStanding) -> String {
        switch s {
        case .inTime: return "in time"
        case .late: return "late"
        case .alreadyAnswered: return "already answered"
        case .neverOpened: return "never opened"
        case .afterTheEnd: return "after the end"
        }
    }

    func testTheSchedulersEngineJudgesResponsesAsAReplayDoes() async throws {
        let fx = try DaemonFixture(campaign: CheckpointReplayTests.campaign.replacingOccurrences(of: "start: 2026-01-01", with: "start: 2026-01-01\nend: 2026-03-20"))
        let s = fx.scheduler()
        let campaign = fx.registry.primary.campaign
        let day = Int64(86_400)
        let first = DaemonFixture.t("2026-03-01T10:00:00Z")
        let beforeStart = try await s.judge([Response(at: first, deadline: 1, text: "x")], campaign: "fixture")
        XCTAssertNil(beforeStart, "no runtime before the first step")
        for d in 0..<6 {
            for h in [0, 4, 8] {
                let at = first + TimeSpan(seconds: Int64(d) * day + Int64(h) * 3600)
                fx.clock.set(at)
                _ = try await fx.store.appendBatches([[LedgerEntry(at: at, kind: "masks")]], recordedAt: at)
                if h != 8 { try await s.step() }
            }
            if d == 2 {
                // Deadline 1 opened on 03-02 at 10:00 (the 4th entry), due two days later.
                try await fx.store.recordResponse(Response(at: first + TimeSpan(seconds: day + 6 * 3600), deadline: 1, text: "answered"),
                                                  recordedAt: fx.clock.now())
            }
        }
        // Not yet read by the scheduler: the last entry, and a backfill two days old.
        _ = try await fx.store.appendBatches([[LedgerEntry(at: fx.clock.now() - TimeSpan(seconds: 2 * day), kind: "masks")]], recordedAt: fx.clock.now())

        var kinds: Set<String> = []
        var compared = 0
        for n in 0...9 {
            for hours in stride(from: 0, through: 160, by: 9) {
                let r = Response(at: first + TimeSpan(seconds: Int64(hours) * 3600 + 1800), deadline: n, text: "r")
                let (fromScheduler, fromReplay) = (try await s.judge([r], campaign: "fixture"), try await fx.store.judge([r], campaign: campaign))
                XCTAssertEqual(fromScheduler, fromReplay, "deadline \(n) at \(r.at)")
                kinds.insert(kind(fromReplay[0]))
                compared += 1
            }
        }
        let late = Response(at: DaemonFixture.t("2026-03-21T00:00:00Z"), deadline: 1, text: "after the end")
        let afterEnd = try await s.judge([late], campaign: "fixture")
        let afterEndReplayed = try await fx.store.judge([late], campaign: campaign)
        XCTAssertEqual(afterEnd, afterEndReplayed)
        kinds.insert(kind(afterEnd![0]))
        XCTAssertEqual(kinds, ["in time", "late", "already answered", "never opened", "after the end"])
        XCTAssertGreaterThan(compared, 150)

        // A batch: the first answer counts as recorded for the second; the third stops it.
        // Deadline 2 opened on 03-03 at 14:00, deadline 3 on 03-04 at 18:00.
        let batch = [Response(at: first + TimeSpan(seconds: 4 * day + 2 * 3600), deadline: 3, text: "a"),
                     Response(at: first + TimeSpan(seconds: 3 * day + 2 * 3600), deadline: 2, text: "b"),
                     Response(at: first + TimeSpan(seconds: 4 * day + 3 * 3600), deadline: 3, text: "c"),
                     Response(at: first + TimeSpan(seconds: 4 * day + 4 * 3600), deadline: 2, text: "d")]
        let judged = try await s.judge(batch, campaign: "fixture")
        let replayed = try await fx.store.judge(batch, campaign: campaign)
        XCTAssertEqual(judged, replayed)
        XCTAssertEqual(judged?.map(kind), ["in time", "in time", "already answered"])

        // The runtime is left as it was: the next step reads the backfill and the last entry.
        let before = await s.rewinds["fixture"] ?? 0
        try await s.step()
        let after = await s.rewinds["fixture"] ?? 0
        XCTAssertEqual(after, before + 1)
    }
}
