import CrescendoCore
import CrescendoPublish
import CrescendoStore
import Dispatch
import Logging

/// The public site as the daemon serves it: one `Site` (suppression, redaction and languages
/// worked out once) per ledger version, campaign generation and hour, built lazily by the
/// first request after any of them changes. Requests for the same key share one build.
///
/// A build reads the whole ledger and replays it through the engine, so it runs on its own
/// queue and its own read-only connection (WAL readers do not block the writer): the
/// scheduler and the ingest never wait for it. Only the version check (four primary-key
/// lookups) goes through the daemon's connection.
public actor SiteCache {
    /// What a built site depends on.
    struct Key: Hashable, Sendable {
        var version: LedgerVersion
        var generation: Int
        /// Hours since 1970: the deadline clock, "this week" and the calendar move with time.
        var hour: Int64
    }

    private let store: SQLiteLedgerStore
    private let registry: CampaignRegistry
    private let clock: any DaemonClock
    private let weeksAhead: Int
    private let baseURL: String?
    private let logger: Logger
    /// The read-only connection builds read through (opened on first use).
    private var reader: SQLiteLedgerStore?
    private var current: (key: Key, site: Site)?
    private var building: (key: Key, task: Task<Site, any Error>)?
    /// Sites built so far (for tests and the log).
    private(set) var builds = 0
    private static let queue = DispatchQueue(label: "crescendo.site")

    public init(store: SQLiteLedgerStore, registry: CampaignRegistry, clock: any DaemonClock, weeksAhead: Int = 8,
                baseURL: String? = nil, logger: Logger = Logger(label: "crescendo.site")) {
        self.store = store; self.registry = registry; self.clock = clock
        self.weeksAhead = weeksAhead; self.baseURL = baseURL; self.logger = logger
    }

    /// The site as of now: the cached one if nothing it depends on changed, else a new one.
    public func site() async throws -> Site {
        let now = clock.instant
        let key = Key(version: try store.version(), generation: registry.generation, hour: now.seconds.floorDiv(3600))
        if let current, current.key == key { return current.site }
        if let building, building.key == key { return try await building.task.value }
        // The campaign is read after the generation: a reload in between gives a newer
        // campaign under an older key, which the next request replaces; never an older one.
        let campaign = registry.primary.campaign
        let reader = readerConnection()
        let (weeksAhead, baseURL) = (self.weeksAhead, self.baseURL)
        let task = Task {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Site, any Error>) in
                Self.queue.async {
                    c.resume(with: Result {
                        Site(try SiteData.read(from: reader, campaign: campaign, now: now, weeksAhead: weeksAhead, baseURL: baseURL))
                    })
                }
            }
        }
        building = (key, task)
        defer { if building?.key == key { building = nil } }
        let site = try await task.value
        builds += 1
        // A slower build for an older key must not replace a newer site.
        if current == nil || current!.key.version.headSeq <= key.version.headSeq { current = (key, site) }
        logger.debug("built the site at head \(key.version.headSeq)")
        return site
    }

    /// A read-only connection of its own, or the daemon's for an in-memory ledger.
    private func readerConnection() -> SQLiteLedgerStore {
        if let reader { return reader }
        var opened = store
        if store.path != ":memory:" {
            do { opened = try SQLiteLedgerStore(path: store.path, access: .readOnly) } catch {
                logger.warning("the site reads through the daemon's connection: \(error)")
            }
        }
        reader = opened
        return opened
    }
}

extension Int64 {
    /// Division rounding towards minus infinity.
    fileprivate func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
