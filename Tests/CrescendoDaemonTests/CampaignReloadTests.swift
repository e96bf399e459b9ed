import CrescendoCore
@testable import CrescendoDaemon
import CrescendoDSL
import CrescendoPublish
import CrescendoStore
import CrescendoTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Two campaigns in one daemon: a reload rebuilds only the campaign whose file changed, and a
/// broken file quarantines only its own campaign.
final class CampaignReloadTests: XCTestCase {
    static let second = DaemonFixture.campaignText
        .replacingOccurrences(of: "campaign: fixture", with: "campaign: second")
        .replacingOccurrences(of: "out/actions.jsonl", with: "out/second.jsonl")
        .replacingOccurrences(of: "ON_MISSED", with: "on_missed: skip")
    static let broken = "campaign: second\nrules:\n  - id: x\n    when: { every: nope }\n"

    /// The fixture with a second campaign file beside it; its registry over both.
    private func twoCampaigns(second text: String = second) throws -> (DaemonFixture, String, CampaignRegistry) {
        let fx = try DaemonFixture()
        let path = try fx.scratch.write(text, to: "second.yaml")
        let registry = try CampaignRegistry(paths: [fx.campaignPath, path], factory: ChannelFactory(), logger: fx.logger)
        return (fx, path, registry)
    }

    func testABrokenFileQuarantinesOnlyItsOwnCampaign() async throws {
        let (fx, path, registry) = try twoCampaigns()
        let s = Scheduler(store: fx.store, registry: registry, clock: fx.clock, logger: fx.logger)
        try await s.step()
        var builds = await s.builds
        XCTAssertEqual(builds, ["fixture": 1, "second": 1])

        // Nothing changed: nothing is parsed again, no engine is rebuilt.
        let generation = registry.generation
        XCTAssertTrue(registry.reload(at: fx.clock.now()))
        XCTAssertEqual(registry.generation, generation)
        try await s.step()
        builds = await s.builds
        XCTAssertEqual(builds, ["fixture": 1, "second": 1])

        // The second file breaks: its old rules keep running, the first goes on.
        try Self.broken.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertFalse(registry.reload(at: fx.clock.now()))
        XCTAssertEqual(registry.campaigns.map(\.campaign.id), ["fixture", "second"])
        let q = try XCTUnwrap(registry.quarantined.first)
        XCTAssertEqual(registry.quarantined.count, 1)
        XCTAssertEqual(q.path, path)
        XCTAssertEqual(q.running, "second")
        XCTAssertEqual(Set(q.diagnostics.map(\.file)), [path])
        XCTAssertTrue(q.diagnostics.contains { $0.line == 4 && $0.column == 20 }, "\(q.diagnostics)")

        // The first takes its own change while the second stays quarantined.
        let changed = DaemonFixture.campaignText.replacingOccurrences(of: "ON_MISSED", with: "on_missed: fire_once")
            .replacingOccurrences(of: "every: 3", with: "every: 2")
        try changed.write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertFalse(registry.reload(at: fx.clock.now()), "the second file is still broken")
        XCTAssertEqual(registry.quarantined.map(\.path), [path])
        XCTAssertEqual(registry.quarantined.first?.since, q.since, "still the same problem")
        try await fx.post(["2026-03-01T08:00:01Z", "2026-03-01T08:00:02Z"])
        fx.clock.set(DaemonFixture.t("2026-03-01T08:00:03Z"))
        let recorded = try await s.step()
        XCTAssertEqual(recorded.map(\.campaign), ["fixture"], "every 2 now, in the first; the second (every 3) runs on")
        builds = await s.builds
        XCTAssertEqual(builds, ["fixture": 2, "second": 1])

        // The status shows the quarantined campaign with file:line:column.
        let app = Application(router: fx.api(scheduler: s, registry: registry).router())
        try await app.test(.router) { client in
            let (_, text) = try await get(client, "/api/status")
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let shown = try XCTUnwrap((body["quarantined"] as? [[String: Any]])?.first)
            XCTAssertEqual(shown["file"] as? String, path)
            XCTAssertEqual(shown["campaign"] as? String, "second")
            XCTAssertEqual(shown["running"] as? Bool, true)
            let lines = try XCTUnwrap((shown["errors"] as? [[String: Any]])?.compactMap { $0["text"] as? String })
            XCTAssertTrue(lines.contains("\(path):4:20: 'every' must be a whole number, not \"nope\""), "\(lines)")
        }

        // Fixed: the second is loaded anew and rebuilt; the first is not.
        try Self.second.replacingOccurrences(of: "every: 3", with: "every: 5").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertTrue(registry.reload(at: fx.clock.now()))
        XCTAssertTrue(registry.quarantined.isEmpty)
        XCTAssertNil(registry.lastFailure)
        try await s.step()
        builds = await s.builds
        XCTAssertEqual(builds, ["fixture": 2, "second": 2])
    }

    func testAtStartABrokenOtherCampaignIsQuarantinedAndABrokenLedgerCampaignRefuses() async throws {
        let (fx, path, registry) = try twoCampaigns(second: Self.broken)
        XCTAssertEqual(registry.campaigns.map(\.campaign.id), ["fixture"])
        XCTAssertEqual(registry.quarantined.map(\.path), [path])
        XCTAssertNil(registry.quarantined.first?.running)
        let s = Scheduler(store: fx.store, registry: registry, clock: fx.clock, logger: fx.logger)
        try await fx.post(["2026-03-01T07:00:00Z", "2026-03-01T07:00:01Z", "2026-03-01T07:00:02Z"])
        let first = try await s.step()
        XCTAssertEqual(Set(first.map(\.campaign)), ["fixture"])
        // Once its file loads it runs, and catches up as at a start.
        try Self.second.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertTrue(registry.reload(at: fx.clock.now()))
        XCTAssertEqual(registry.campaigns.map(\.campaign.id), ["fixture", "second"])
        let caught = try await s.step()
        XCTAssertEqual(Set(caught.map(\.campaign)), ["second"])
        XCTAssertEqual(caught.filter { $0.rule == "every-3" }.map(\.dueAt), [DaemonFixture.t("2026-03-01T07:00:02Z")])

        try "campaign: fixture\nrules: [".write(toFile: fx.campaignPath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CampaignRegistry(paths: [fx.campaignPath, path], factory: ChannelFactory(), logger: fx.logger)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("fixture.yaml:"), text)
        }
    }
}

/// The equality with `simulate`, now across a backfill and a reload of another campaign.
final class ReloadEqualityTests: XCTestCase {
    func testTheDaemonStillDecidesWhatSimulateDecidesAfterABackfillAndAReload() async throws {
        let fx = try DaemonFixture(onMissed: "fire_all")
        let path = try fx.scratch.write(CampaignReloadTests.second, to: "second.yaml")
        let registry = try CampaignRegistry(paths: [fx.campaignPath, path], factory: ChannelFactory(), logger: fx.logger)
        let s = Scheduler(store: fx.store, registry: registry, clock: fx.clock, logger: fx.logger)
        var times: [String] = []
        for i in 0..<40 { times.append("2026-03-0\(1 + i / 20)T\(10 + i % 10):\(10 + i % 20):00Z") }
        try await s.step()
        var backfilled = false
        for (i, t) in times.sorted().enumerated() {
            let at = DaemonFixture.t(t)
            if at > fx.clock.now() { fx.clock.set(at) }
            try await fx.post([t])
            if i % 7 == 0 { try await s.step() }
            if i == 22 {
                // Judged through the 23rd entry; a late entry after the last milestone recorded
                // (the 21st entry's) moves no recorded action.
                try await s.step()
                let last = try fx.store.actions(since: nil, limit: 1000).filter { $0.rule == "every-3" && $0.campaign == "fixture" }
                    .map(\.dueAt).max() ?? .distantPast
                let late = Instant(seconds: last.seconds + 1)
                XCTAssertLessThan(late, fx.clock.now())
                _ = try await fx.store.appendBatches([[LedgerEntry(at: late, kind: "masks")]], recordedAt: fx.clock.now())
                try await s.step()
                backfilled = true
            }
            if i == 30 {
                try CampaignReloadTests.second.replacingOccurrences(of: "every: 3", with: "every: 4")
                    .write(toFile: path, atomically: true, encoding: .utf8)
                XCTAssertTrue(registry.reload(at: fx.clock.now()))
                try await s.step()
            }
        }
        XCTAssertTrue(backfilled)
        fx.clock.set(DaemonFixture.t("2026-03-05T00:00:00Z"))
        try await s.step()
        let (builds, rewinds) = (await s.builds, await s.rewinds)
        XCTAssertEqual(builds, ["fixture": 1, "second": 2], "built at the start; the reload rebuilt only the second")
        XCTAssertEqual(rewinds, ["fixture": 1, "second": 1], "the backfill went back to a checkpoint in both")

        let campaign = registry.primary.campaign
        var stored: [StoredEntry] = []
        try fx.store.forEachEntry(after: 0) { stored.append($0) }
        stored.sort { ($0.entry.at, $0.seq) < ($1.entry.at, $1.seq) }
        var it = stored.map(\.entry).makeIterator()
        let sim = try Simulation.run(campaign: campaign, openLedger: { { it.next() } }, indicators: [], responses: [],
                                     options: Engine.Options(until: DaemonFixture.t("2026-03-04T23:59:59Z"),
                                                             renderer: CampaignTemplates(campaign.templates)))
        let expected = sim.occurrences.filter { $0.at >= campaign.start }.map { "\($0.at.seconds) \($0.rule) \($0.action)" }
        let actual = try fx.store.actions(since: nil, limit: 1000).filter { $0.campaign == "fixture" }
            .map { "\($0.dueAt.seconds) \($0.rule) \($0.action)" }
        XCTAssertEqual(actual, expected)
        XCTAssertGreaterThan(expected.count, 15)
    }
}
