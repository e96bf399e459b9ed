import CrescendoCore
import CrescendoInputs
import CrescendoPublish
import CrescendoPublishStore
import CrescendoRender
import CrescendoStore
import Logging

/// The public site as the daemon serves it: one `Site` (suppression, redaction and languages
/// worked out once) per ledger version, generation of the ledger's campaign and hour, built lazily by the
/// first request after any of them changes. Requests for the same key share one build.
///
/// With `servesStale` (the daemon's default), a request that finds the ledger moved is
/// answered at once with the last site built, and starts a build of the new one in the
/// background (one at a time): a page is at most one build behind the ledger, and once the
/// ledger is quiet for a build the pages are again exactly what `crescendo publish` writes.
///
/// The site's state (`SiteFeed`: the entries' tally and an engine fed the same facts) is kept
/// between builds: a build feeds it only what the store recorded since the last one and
/// renders from it, as `crescendo publish` does from a state read whole. The whole ledger is
/// read (streamed, on an executor of its own, never on the threads that serve requests) for
/// the first build, after a reload, and when a fact cannot be fed in time order (a backfill,
/// a correction). The version check is a few primary-key lookups.
public actor SiteCache {
    /// What a built site depends on.
    struct Key: Hashable, Sendable {
        var version: LedgerVersion
        var generation: Int
        /// Hours since 1970: the deadline clock, "this week" and the calendar move with time.
        var hour: Int64
    }

    private let store: any LedgerStore
    private let registry: CampaignRegistry
    private let clock: any DaemonClock
    private let weeksAhead: Int
    private let baseURL: String?
    private let logger: Logger
    private let metrics: DaemonMetrics?
    private var current: (key: Key, site: Site)?
    private var building: (key: Key, task: Task<(SiteFeed, Site, Bool), any Error>)?
    /// Whether the ledger database can be reached: while it cannot, the last site is served.
    private let health: StoreHealth?
    /// Whether a request may be answered with the last site built while a newer one is built.
    private let servesStale: Bool
    private var refreshing: Task<Void, Never>?
    /// The files rendered so far, kept across builds while what they show is unchanged.
    private var pages = KeptPages(limit: 256)
    /// The key of the current site with the campaign generation it was built from.
    private var builtFrom: (key: Key, generation: Int)?
    /// Files rendered, and files served again from an earlier build, so far (for tests and the log).
    var pagesRendered: Int { pages.rendered }
    var pagesKept: Int { pages.kept }
    /// Sites built so far (for tests and the log).
    private(set) var builds = 0
    /// Builds that read the whole ledger (for tests and the log).
    private(set) var wholeReads = 0
    /// The site's state as of the last build, with the campaign generation it was built for;
    /// nil while a build has it.
    private var feed: (generation: Int, feed: SiteFeed)?
    /// The cards' PNGs, rendered on first request and kept while their SVG is unchanged.
    let images: CardImages
    /// The posters' QR code, made once per address.
    private var qrCode: QRCode?
    private static let executor = QueueExecutor(label: "crescendo.site")

    public init(store: any LedgerStore, registry: CampaignRegistry, clock: any DaemonClock, weeksAhead: Int = 8,
                baseURL: String? = nil, images: CardImages = CardImages(), servesStale: Bool = false,
                health: StoreHealth? = nil, metrics: DaemonMetrics? = nil, logger: Logger = Logger(label: "crescendo.site")) {
        self.metrics = metrics
        self.store = store; self.registry = registry; self.clock = clock; self.servesStale = servesStale; self.health = health
        self.weeksAhead = weeksAhead; self.baseURL = baseURL; self.images = images; self.logger = logger
    }

    /// The file for a request path as of now: a page or export of the site, or a card's PNG
    /// (rendered from the card's SVG as `crescendo publish` renders it); nil when there is none.
    ///
    /// A path the last site built does not have, while a newer one is being built (a week or a
    /// story that the new entries bring), waits for that build and is looked up in it: a page
    /// served stale is never a 404 that the ledger already contradicts.
    public func file(_ path: String) async throws -> SiteFile? {
        if let file = try await file(path, in: entry()) { return file }
        guard let refreshing else { return nil }
        await refreshing.value
        return try await file(path, in: entry())
    }

    /// The file for a request path in a site built for `key`.
    private func file(_ path: String, in entry: (key: Key, site: Site)) async throws -> SiteFile? {
        let (key, site) = entry
        let relative = String(path.drop { $0 == "/" })
        let generation = builtFrom?.key == key ? builtFrom?.generation : nil
        // A card's PNG is rendered from its SVG, which is kept as the pages are.
        if let svgPath = SiteRenderer.svgPath(forPNG: relative) {
            guard let svg = served(svgPath, of: site, key: key, generation: generation) else { return nil }
            return try await images.file(relative, svg: svg.bytes)
        }
        guard let sitePath = Site.sitePath(path) else { return nil }
        return served(sitePath, of: site, key: key, generation: generation)
    }

    /// A file from `pages`, counted in the metrics.
    private func served(_ path: String, of site: Site, key: Key, generation: Int?) -> SiteFile? {
        let (rendered, kept) = (pages.rendered, pages.kept)
        defer { metrics?.siteFiles(rendered: pages.rendered - rendered, kept: pages.kept - kept) }
        return pages.file(path, of: site, key: key, generation: generation)
    }

    /// The site as of now: the cached one if nothing it depends on changed, else a new one
    /// (or, when `servesStale`, the last one built while a new one is built in the background).
    public func site() async throws -> Site { try await entry().site }

    /// The site as of now with the key it was built for.
    private func entry() async throws -> (key: Key, site: Site) {
        let now = clock.now()
        // While the database cannot be reached, the last site built is served as it is.
        if servesStale, let current, health?.isLost == true { return current }
        let version: LedgerVersion
        do {
            version = try await store.version()
        } catch where servesStale && current != nil && StoreHealth.unavailability(error) != nil {
            health?.note(error, at: now)
            return current!
        }
        let key = Key(version: version, generation: registry.primary.generation, hour: now.seconds.floorDiv(3600))
        if let current, current.key == key { return current }
        if servesStale, let current {
            if refreshing == nil { refreshing = Task { await refresh(key, now: now) } }
            return current
        }
        // Nothing built yet (the daemon just started): the build under way serves, whatever its key.
        if servesStale, let building { return (building.key, try await building.task.value.1) }
        return (key, try await build(key, now: now))
    }

    /// Builds the first site in the background, so that the first request after a start waits
    /// for less of it (the daemon calls it as it starts). A failure is logged; the first request
    /// then tries again.
    public func warmUp() async {
        do { _ = try await site() } catch { logger.error("the public site could not be built at start: \(error)") }
        warmedUp = true
    }

    /// Whether `warmUp` is done (built or failed).
    public private(set) var warmedUp = false

    /// Waits for the background build in progress, if any (for tests and the benchmark).
    public func caughtUp() async { await refreshing?.value }

    /// A background build for `servesStale`; one at a time.
    private func refresh(_ key: Key, now: Instant) async {
        do { _ = try await build(key, now: now) } catch { logger.error("the site could not be rebuilt, the last one is served: \(error)") }
        refreshing = nil
    }

    /// The site for `key`, built once however many ask for it.
    private func build(_ key: Key, now: Instant) async throws -> Site {
        if let building, building.key == key { return try await building.task.value.1 }
        // The campaign is read after the generation: a reload in between gives a newer
        // campaign under an older key, which the next request replaces; never an older one.
        let loaded = registry.primary
        let campaign = loaded.campaign
        let (store, weeksAhead, baseURL) = (self.store, self.weeksAhead, self.baseURL)
        let qr = await qrCode(for: campaign.brand.url ?? baseURL)
        if let building, building.key == key { return try await building.task.value.1 }
        let previous = feed?.generation == key.generation ? feed?.feed : nil
        feed = nil
        let task = Task(executorPreference: Self.executor) {
            try await Self.build(store: store, campaign: campaign, previous: previous, now: now, weeksAhead: weeksAhead,
                                 baseURL: baseURL, qrCode: qr)
        }
        building = (key, task)
        defer { if building?.key == key { building = nil } }
        let (newFeed, site, wasWhole) = try await task.value
        if wasWhole { wholeReads += 1 }
        // A build copies the engine to judge through now and over the weeks ahead (tens of
        // MB at 1,000,000 entries), freed at once; without this the allocator keeps them.
        HeapTrim.release()
        if feed == nil || feed!.feed.head.seq <= newFeed.head.seq && feed!.feed.state.asOf <= newFeed.state.asOf {
            feed = (key.generation, newFeed)
        }
        // The home page is rendered with the build, off the request path.
        let home = await Task(executorPreference: Self.executor) { site.render(path: "/") }.value
        builds += 1
        // A slower build for an older key must not replace a newer site.
        if current == nil || current!.key.version.headSeq <= key.version.headSeq {
            current = (key, site)
            builtFrom = (key, loaded.generation)
            if let home {
                pages.keep(home, at: "index.html", key: key, generation: loaded.generation, counted: true)
                metrics?.siteFiles(rendered: 1, kept: 0)
            }
        }
        logger.debug("built the site at head \(key.version.headSeq); pages so far: \(pages.rendered) rendered, \(pages.kept) kept from earlier builds")
        return site
    }

    /// Feeds the state what was recorded since (or reads the ledger whole when it cannot) and
    /// builds the site (nonisolated: on the executor the task prefers). Says whether it read
    /// the ledger whole.
    private static func build(store: any LedgerStore, campaign: Campaign, previous: SiteFeed?, now: Instant, weeksAhead: Int,
                              baseURL: String?, qrCode: QRCode?) async throws -> (SiteFeed, Site, Bool) {
        var feed: SiteFeed
        var whole = false
        if var previous, try await previous.update(from: store, asOf: now) {
            feed = previous
        } else {
            feed = try await SiteFeed.read(from: store, campaign: campaign, asOf: now, live: true)
            whole = true
        }
        var data = feed.data(moneyFlows: try await store.moneyFlows(), weeksAhead: weeksAhead, baseURL: baseURL)
        data.qrCode = qrCode
        return (feed, Site(data), whole)
    }

    /// The QR code of the posters' address, made by qrencode once per address. When it cannot
    /// be made, the posters show the address without it and the log says why.
    private func qrCode(for url: String?) async -> QRCode? {
        guard let url else { return nil }
        if let qrCode, qrCode.text == url { return qrCode }
        do {
            qrCode = try await QREncoder().encode(url)
        } catch {
            logger.error("the posters go without a QR code: \(error)")
            qrCode = nil
        }
        return qrCode
    }
}

extension Int64 {
    /// Division rounding towards minus infinity.
    fileprivate func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
