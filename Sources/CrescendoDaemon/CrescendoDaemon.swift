import CrescendoRender
import CrescendoStore
import Hummingbird
import NIOCore
import Logging
import ServiceLifecycle

/// The daemon: a `ServiceGroup` running the campaign leases, the scheduler, the dispatcher, the
/// reloader and the HTTP server over one store, stopped gracefully by SIGTERM or SIGINT.
public struct CrescendoDaemon: Sendable {
    public let configuration: DaemonConfiguration
    /// The ledger and the daemon's own tables (the caller opens it; the daemon binds it to the
    /// ledger's campaign).
    public let store: any DaemonStore
    public let clock: any DaemonClock
    public let logger: Logger

    public init(configuration: DaemonConfiguration, store: any DaemonStore, clock: any DaemonClock = SystemClock(), logger: Logger) {
        self.configuration = configuration; self.store = store; self.clock = clock; self.logger = logger
    }

    /// Why the daemon cannot start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs until SIGTERM or SIGINT, then closes the store.
    public func run() async throws {
        do {
            try await serve()
        } catch {
            await store.close()
            throw error
        }
    }

    private func serve() async throws {
        let config = configuration
        // A channel command that exits before reading its input must not kill the daemon.
        letBrokenPipesFailWrites()
        let (store, clock) = (self.store, self.clock)
        let metrics = DaemonMetrics()
        let factory = ChannelFactory(clock: clock)
        let registry = try CampaignRegistry(paths: config.campaignPaths, factory: factory, logger: logger)
        let missing = factory.missingSecrets(registry.campaigns)
        guard missing.isEmpty else { throw StartError(description: missing.joined(separator: "; ")) }
        try await store.bind(campaign: registry.primary.campaign.id)
        logger.info("ledger \(store.location), campaign \(registry.primary.campaign.id)")
        let ingest = IngestQueue(store: store, clock: clock)
        let leases = LeaseBook(owner: LeaseBook.newOwner(host: config.host, port: config.port), options: config.federation)
        let health = StoreHealth(logger: logger)
        var leaseService = LeaseService(store: store, registry: registry, book: leases, logger: logger, health: health, clock: clock)
        // The first step judges the campaigns this daemon can take at once.
        await leaseService.refresh(registry.campaigns.map(\.campaign.id))
        let dispatcher = Dispatcher(store: store, registry: registry, clock: clock, retry: config.retry, logger: logger, metrics: metrics,
                                    leases: leases)
        let scheduler = Scheduler(store: store, registry: registry, clock: clock, logger: logger, ingest: ingest, dispatcher: dispatcher,
                                  leases: leases, settleSeconds: config.federation.settleSeconds)
        leaseService.onTakeover = { scheduler.wake() }
        let reloader = ReloaderService(registry: registry, clock: clock, metrics: metrics, pollSeconds: config.pollSeconds, logger: logger)
        let tokens = TokenBook(store: store, daemonToken: config.token)
        let log = AccessLog()
        let access = AccessService(store: store, log: log, tokens: tokens, clock: clock, logger: logger)

        let site = SiteCache(store: store, registry: registry, clock: clock, servesStale: config.servesStaleSite, health: health,
                             metrics: metrics, logger: logger)
        // The first site is read while the rest starts; the scheduler's first step (its replay
        // of the ledger) waits for it, so that the first page does not wait for both.
        Task { await site.warmUp() }
        let api = DaemonAPI(store: store, registry: registry, scheduler: scheduler, ingest: ingest, clock: clock, metrics: metrics,
                            tokens: tokens, log: log, site: site, health: health, logger: logger, reload: { reloader.reload() })
        if config.token == nil, try await store.tokens().allSatisfy({ $0.refusal(at: clock.now()) != nil }) {
            logger.warning("no token can write: set CRESCENDO_TOKEN, give --token-file, or add one with crescendo token add")
        }
        let app = Application(router: api.router(),
                              configuration: .init(address: .hostname(config.host, port: config.port), serverName: "crescendo"),
                              onServerRunning: { channel in
                                  logger.info("listening on http://\(config.host):\(channel.localAddress?.port ?? config.port)")
                              },
                              logger: logger)
        // Shutdown runs in reverse: the server stops taking requests first, then the scheduler, and
        // the store closes last.
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: StoreService(store: store)),
                // Stops after the scheduler and the dispatcher, then gives up the leases.
                .init(service: leaseService),
                .init(service: SchedulerService(scheduler: scheduler, clock: clock, health: health, logger: logger,
                                                ready: { await site.warmedUp })),
                .init(service: DispatcherService(dispatcher: dispatcher, health: health, logger: logger)),
                .init(service: reloader),
                .init(service: access),
                .init(service: app),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
        logger.info("stopped; deliveries not confirmed stay pending for the next start")
    }
}
