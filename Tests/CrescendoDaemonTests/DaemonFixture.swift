import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
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
          refuses: { type: command, run: [/bin/false], timeout: 5 }
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

    let scratch: ScratchFolder
    let campaignPath: String
    let store: SQLiteLedgerStore
    let clock: ManualClock
    let registry: CampaignRegistry
    let logger = Logger(label: "test")
    /// The scheduler the web-app tests hand their API, to step it.
    var appScheduler: Scheduler?

    /// `campaign`: another campaign file's text (the fixture's own by default).
    init(onMissed: String = "fire_once", start: String = "2026-03-01T08:00:00Z", campaign: String = campaignText) throws {
        scratch = try ScratchFolder("daemon")
        campaignPath = try scratch.write(campaign.replacingOccurrences(of: "ON_MISSED", with: "on_missed: \(onMissed)"),
                                         to: "fixture.yaml")
        store = try SQLiteLedgerStore(path: scratch.path("ledger.sqlite"))
        clock = ManualClock(Self.t(start))
        registry = try CampaignRegistry(paths: [campaignPath], factory: ChannelFactory(), logger: logger)
    }

    /// The fixture's folder (removed with the fixture).
    var folder: URL { scratch.url }

    static func t(_ s: String) -> Instant { TimeParsing.instant(s, zone: .utc) ?? .distantPast }

    /// A new scheduler over the same database (a restart), waking `dispatcher` when given.
    func scheduler(ingest: IngestQueue? = nil, dispatcher: Dispatcher? = nil) -> Scheduler {
        Scheduler(store: store, registry: registry, clock: clock, logger: logger, ingest: ingest, dispatcher: dispatcher)
    }

    func dispatcher(retry: RetryPolicy = RetryPolicy()) -> Dispatcher {
        Dispatcher(store: store, registry: registry, clock: clock, retry: retry, logger: logger)
    }

    /// Appends entries stamped at these instants.
    func post(_ times: [String]) async throws {
        _ = try await store.appendBatches([times.map { LedgerEntry(at: Self.t($0), kind: "masks") }], recordedAt: clock.now())
    }

    /// The HTTP API over this fixture, with `APITests.token` as the daemon's own (admin) token.
    func api(scheduler: Scheduler? = nil, site: SiteCache? = nil, log: AccessLog = AccessLog(), registry: CampaignRegistry? = nil,
             health: StoreHealth = StoreHealth()) -> DaemonAPI {
        let registry = registry ?? self.registry
        return DaemonAPI(store: store, registry: registry, scheduler: scheduler ?? self.scheduler(),
                  ingest: IngestQueue(store: store, clock: clock), clock: clock, metrics: DaemonMetrics(),
                  tokens: TokenBook(store: store, daemonToken: APITests.token, cacheSeconds: 0), log: log, site: site,
                  health: health, reload: { [registry, clock] in registry.reload(at: clock.now()) })
    }

    /// Adds a token for each role (named after it) and returns them, role to token.
    func roleTokens() throws -> [Role: String] {
        var out: [Role: String] = [:]
        for role in Role.allCases {
            let token = TokenSecret.generate()
            try store.addToken(TokenRecord(name: role.rawValue, role: role, createdAt: clock.now()), hash: TokenSecret.hash(token))
            out[role] = token
        }
        return out
    }

    var channelFile: String { scratch.path("out/actions.jsonl") }

    func fileLines() -> [String] {
        ((try? String(contentsOfFile: channelFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
