import CrescendoCore
import CrescendoStore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// The HTTP API: routes, the role each needs, body limits and the JSON they speak, and the
/// public site for every other GET (docs/daemon.md lists them; docs/openapi.yaml describes
/// them).
///
/// Who a request is comes from `TokenAuthenticator` (a value on `DaemonRequestContext` that
/// another authenticator, the web app's session, may fill instead); each route group declares
/// its role through `RoleGate`; refusals are audited by `RefusalAudit`, writes in their own
/// transaction.
public struct DaemonAPI: Sendable {
    /// The largest request body accepted (413 above it).
    public static let maxBody = 1 << 20

    let store: any DaemonStore
    let registry: CampaignRegistry
    let scheduler: Scheduler
    let clock: any DaemonClock
    let metrics: DaemonMetrics
    let tokens: TokenBook
    let log: AccessLog
    let gate = IdempotencyGate()
    let ingest: IngestQueue
    /// Asks the reloader to re-read the campaign files now; returns whether they loaded.
    let reload: @Sendable () async -> Bool
    /// The public site served at `/` and every page path.
    let site: SiteCache
    /// Whether the ledger database can be reached (`/healthz`, `/api/status`, 503 on writes).
    let health: StoreHealth
    let logger: Logger

    /// Without `site`, the site is built from `store` and the ledger's campaign with the defaults.
    public init(store: any DaemonStore, registry: CampaignRegistry, scheduler: Scheduler, ingest: IngestQueue,
                clock: any DaemonClock, metrics: DaemonMetrics, tokens: TokenBook, log: AccessLog, site: SiteCache? = nil,
                health: StoreHealth = StoreHealth(), logger: Logger = Logger(label: "crescendo.http"),
                reload: @escaping @Sendable () async -> Bool) {
        self.store = store; self.registry = registry; self.scheduler = scheduler; self.ingest = ingest; self.clock = clock
        self.metrics = metrics; self.tokens = tokens; self.log = log; self.reload = reload; self.logger = logger
        self.health = health
        self.site = site ?? SiteCache(store: store, registry: registry, clock: clock, logger: logger)
    }

    /// Every route with the role it needs (nil: public), for the OpenAPI test and the docs.
    public static let routes: [(method: String, path: String, role: Role?)] = [
        ("GET", "/healthz", nil), ("GET", "/openapi.json", nil), ("GET", "/metrics", .organizer),
        ("POST", "/api/entries", .recorder),
        ("POST", "/api/responses", .organizer), ("POST", "/api/indicators", .organizer),
        ("GET", "/api/ledger", .organizer), ("GET", "/api/actions", .organizer), ("GET", "/api/status", .organizer),
        ("GET", "/api/audit", .organizer), ("POST", "/api/deliveries/{id}/retry", .organizer), ("POST", "/api/reload", .admin),
    ]

    /// The session cookie: HttpOnly, SameSite=Strict, for the whole daemon (the offline queue
    /// posts to `/api/entries` with it); `Secure` is added over HTTPS (`SecureCookies`).
    static let sessionCookie = SessionCookieParameters(name: "crescendo_session", path: "/", secure: false, sameSite: .strict)

    /// The router with every route.
    public func router() -> Router<DaemonRequestContext> {
        let router = Router(context: DaemonRequestContext.self)
        router.add(middleware: StoreAvailability(health: health, clock: clock))
        router.add(middleware: SecureCookies())
        router.add(middleware: SessionMiddleware(storage: SessionStoreDriver(store: store, clock: clock),
                                                 configuration: .init(sessionCookieParameters: Self.sessionCookie,
                                                                      defaultSessionExpiration: .seconds(Self.sessionDays * 86_400))))
        router.add(middleware: TokenAuthenticator(book: tokens, log: log, clock: clock))
        router.add(middleware: SessionAuthenticator(book: tokens, log: log, clock: clock))
        router.add(middleware: RefusalAudit(log: log, clock: clock))
        router.get("/healthz") { _, _ in healthz() }
        router.get("/openapi.json") { _, _ in OpenAPIDocument.response() }

        let recorder = RoleGate.require(.recorder, on: router.group())
        recorder.post("/api/entries") { request, context in try await postEntries(request, context.requireIdentity()) }

        let organizer = RoleGate.require(.organizer, on: router.group())
        organizer.post("/api/responses") { request, context in try await postResponses(request, context.requireIdentity()) }
        organizer.post("/api/indicators") { request, context in try await postIndicators(request, context.requireIdentity()) }
        organizer.get("/api/ledger") { request, _ in try await ledger(request) }
        organizer.get("/api/actions") { request, _ in try await actions(request) }
        organizer.get("/api/status") { request, _ in try await status(request) }
        organizer.get("/api/audit") { request, context in try await audit(request, context.requireIdentity()) }
        organizer.post("/api/deliveries/:id/retry") { request, context in
            try await postRetry(request, context.requireIdentity(), id: context.parameters.require("id"))
        }
        organizer.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: await metrics.render(store: store))))
        }

        let admin = RoleGate.require(.admin, on: router.group())
        admin.post("/api/reload") { request, context in try await postReload(request, context.requireIdentity()) }
        addApp(to: router)
        // Last: it wraps only the not-found responder, so every route above keeps priority.
        router.add(middleware: SiteMiddleware(cache: site, logger: logger))
        return router
    }

    /// The body, at most `maxBody` bytes.
    func collect(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: Self.maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is over \(Self.maxBody) bytes; send smaller batches")
        }
    }

    /// The body as JSON, with a decoder for the ledger's campaign.
    func decode(_ buffer: ByteBuffer) throws -> (FactDecoder, JSONValue) {
        guard let body = JSONValue.parse(Data(buffer.readableBytesView)) else { throw APIError(.badRequest, "the body is not valid JSON") }
        return (FactDecoder(campaign: registry.primary.campaign, now: clock.now()), body)
    }
}
