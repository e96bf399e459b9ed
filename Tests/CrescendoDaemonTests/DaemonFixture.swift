import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import Foundation
import Logging

/// A campaign file in a fresh folder, a ledger database beside it, and a scheduler on a
/// hand-advanced clock.
final class DaemonFixture: @unchecked Sendable {
    static let campaignText = """
        campaign: fixture
        title: Fixture
        timezone: UTC
        start: 2026-01-01
        metrics:
          masks: { label: Masks, unit: masks }
        demands:
          psl: { text: Paid sick leave, target: Ministry of Labour, funding: Line 4.2 }
        indicators:
          rate: { label: Rate, unit: "%" }
        areas:
          a01: { label: Riverside }
        channels:
          log: { type: file, path: out/actions.jsonl }
          hook: { type: webhook, url: "http://127.0.0.1:9/hook", timeout: 1s }
        rules:
          - id: every-3
            when: { every: 3 }
            do:
              - notify: { channel: log, text: "three more" }
          - id: daily
            when: { schedule: { every: day, at: "09:00" } }
            ON_MISSED
            do:
              - notify: { channel: log, text: "good morning" }
        """

    let folder: URL
    let campaignPath: String
    let store: SQLiteLedgerStore
    let clock: ManualClock
    let registry: CampaignRegistry
    let logger = Logger(label: "test")

    init(onMissed: String = "fire_once", start: String = "2026-03-01T08:00:00Z") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescendo-daemon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        campaignPath = folder.appendingPathComponent("fixture.yaml").path
        try Self.campaignText.replacingOccurrences(of: "ON_MISSED", with: "on_missed: \(onMissed)")
            .write(toFile: campaignPath, atomically: true, encoding: .utf8)
        store = try SQLiteLedgerStore(path: folder.appendingPathComponent("ledger.sqlite").path)
        clock = ManualClock(Self.t(start))
        registry = try CampaignRegistry(paths: [campaignPath], factory: ChannelFactory(), logger: logger)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func t(_ s: String) -> Instant { TimeParsing.instant(s, zone: .utc) ?? .distantPast }

    /// A new scheduler over the same database (a restart).
    func scheduler() -> Scheduler { Scheduler(store: store, registry: registry, clock: clock, logger: logger) }

    func dispatcher(retry: RetryPolicy = RetryPolicy()) -> Dispatcher {
        Dispatcher(store: store, registry: registry, clock: clock, retry: retry, logger: logger)
    }

    /// Appends entries stamped at these instants.
    func post(_ times: [String]) throws {
        _ = try store.appendBatches([times.map { LedgerEntry(at: Self.t($0), kind: "masks") }], recordedAt: clock.instant)
    }

    var channelFile: String { folder.appendingPathComponent("out/actions.jsonl").path }

    func fileLines() -> [String] {
        ((try? String(contentsOfFile: channelFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
