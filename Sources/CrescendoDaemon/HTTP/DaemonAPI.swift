import CrescendoCore
import CrescendoStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP API: routes, body limits and the JSON they speak, and the public site for every
/// other GET (docs/daemon.md lists them).
public struct DaemonAPI: Sendable {
    /// The largest request body accepted (413 above it).
    public static let maxBody = 1 << 20

    let store: any DaemonStore
    let registry: CampaignRegistry
    let scheduler: Scheduler
    let clock: any DaemonClock
    let metrics: DaemonMetrics
    let token: String?
    let ingest: IngestQueue
    /// Asks the reloader to re-read the campaign files now; returns whether they loaded.
    let reload: @Sendable () async -> Bool
    /// The public site served at `/` and every page path.
    let site: SiteCache
    let logger: Logger

    /// Without `site`, the site is built from `store` and the ledger's campaign with the defaults.
    public init(store: any DaemonStore, registry: CampaignRegistry, scheduler: Scheduler, ingest: IngestQueue,
                clock: any DaemonClock, metrics: DaemonMetrics, token: String?, site: SiteCache? = nil,
                logger: Logger = Logger(label: "crescendo.http"), reload: @escaping @Sendable () async -> Bool) {
        self.store = store; self.registry = registry; self.scheduler = scheduler; self.ingest = ingest; self.clock = clock
        self.metrics = metrics; self.token = token; self.reload = reload; self.logger = logger
        self.site = site ?? SiteCache(store: store, registry: registry, clock: clock, logger: logger)
    }

    /// The router with every route.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AuthMiddleware(token: token))
        router.get("/healthz") { _, _ in JSONResponse.text(#"{"status":"ok"}"#) }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: await metrics.render(store: store))))
        }
        router.post("/api/entries") { request, _ in try await postEntries(request) }
        router.post("/api/responses") { request, _ in try await postResponses(request) }
        router.post("/api/indicators") { request, _ in
            let (decoder, body) = try await read(request)
            let facts = try decoder.items(body) { try decoder.indicator($0, index: $1) }
            try await store.recordSideFacts(indicators: facts, responses: [], recordedAt: clock.now())
            return JSONResponse.make(.object([("recorded", .int(facts.count))]), status: .created)
        }
        router.post("/api/reload") { _, _ in
            let ok = await reload()
            let failure = registry.lastFailure
            return JSONResponse.make(.object([("reloaded", .bool(ok)),
                                              ("errors", .array((ok ? [] : failure?.lines ?? []).map { .string($0) }))]),
                                     status: ok ? .ok : .unprocessableContent)
        }
        router.get("/api/ledger") { request, _ in try await ledger(request) }
        router.get("/api/actions") { request, _ in try await actions(request) }
        router.get("/api/status") { _, _ in try await status() }
        // Last: it wraps only the not-found responder, so every route above keeps priority.
        router.add(middleware: SiteMiddleware(cache: site, logger: logger))
        return router
    }

    /// The body as JSON, with a decoder for the ledger's campaign.
    private func read(_ request: Request) async throws -> (FactDecoder, JSONValue) {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is over \(Self.maxBody) bytes; send smaller batches")
        }
        guard let body = JSONValue.parse(Data(buffer.readableBytesView)) else { throw APIError(.badRequest, "the body is not valid JSON") }
        return (FactDecoder(campaign: registry.primary.campaign, now: clock.now()), body)
    }

    private func postEntries(_ request: Request) async throws -> Response {
        let (decoder, body) = try await read(request)
        let decoded = try decoder.items(body) { try decoder.entry($0, index: $1) }
        var entries = decoded.map(\.entry)
        if let redactor = registry.redactor(campaign: decoder.campaign.id) {
            for i in entries.indices { _ = redactor.redact(&entries[i]) }
        }
        let stored = try await ingest.append(entries, stampNow: decoded.map(\.stampNow))
        metrics.recordedEntries(stored.count)
        let items = stored.map { s in JSONValue.object([("seq", .int(s.seq)), ("hash", .string(s.hash))]) }
        return JSONResponse.make(.object([("entries", .array(items))]), status: .created)
    }

    /// Responses go the way `crescendo respond` goes (`SQLiteLedgerStore.respond`): judged by the
    /// engine, all recorded or none. A deadline never opened (or a response after the campaign's
    /// end) is a 422, one already answered a 409, naming the item and its deadline.
    private func postResponses(_ request: Request) async throws -> Response {
        let (decoder, body) = try await read(request)
        let responses = try decoder.items(body) { try decoder.response($0, index: $1) }
        let (store, campaign, recordedAt) = (store, decoder.campaign, clock.now())
        // A replay of the ledger: off the event loop.
        let standings = try await store.respond(responses, campaign: campaign, recordedAt: recordedAt)
        if let refused = standings.last, !refused.answers {
            let i = standings.count - 1
            let status: HTTPResponse.Status = if case .alreadyAnswered = refused { .conflict } else { .unprocessableContent }
            let index: Int? = if case .array = body { i } else { nil }
            throw APIError(status, refused.sentence(responses[i], zone: campaign.zone), field: "deadline", index: index)
        }
        let items = zip(responses, standings).map { r, s -> JSONValue in
            let answered = if case .late = s { "late" } else { "in_time" }
            return .object([("deadline", .int(r.deadline)), ("answered", .string(answered))])
        }
        return JSONResponse.make(.object([("recorded", .int(responses.count)), ("responses", .array(items))]), status: .created)
    }

    private func ledger(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        let after = try q.get("after").map { s -> Int64 in
            guard let n = Int64(s), n >= 0 else { throw APIError(.badRequest, "after must be a seq (0 or more)") }
            return n
        } ?? 0
        let limit = min(max(Int(q.get("limit") ?? "") ?? 1000, 1), 10_000)
        let entries = try await store.entries(EntryQuery(fromSeq: after + 1, limit: limit))
        return JSONResponse.make(.object([("entries", .array(entries.map(\.json)))]))
    }

    private func actions(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        var since: Instant?
        if let s = q.get("since") {
            guard let t = TimeParsing.instant(s, zone: registry.primary.campaign.zone) else {
                throw APIError(.badRequest, "since must be a date or date-time (2027-01-04T09:00Z)")
            }
            since = t
        }
        let limit = min(max(Int(q.get("limit") ?? "") ?? 1000, 1), 10_000)
        let rows = try await store.actions(since: since, limit: limit)
        return JSONResponse.make(.object([("actions", .array(rows.map(ActionJSON.value)))]))
    }

    private func status() async throws -> Response {
        let campaigns = await scheduler.status()
        let health = try await store.channelHealth()
        let dead = try await store.deadLetters(limit: 50)
        let counts = try await store.actionCounts()
        return JSONResponse.make(StatusJSON.value(campaigns: campaigns, health: health, dead: dead, counts: counts,
                                                  failure: registry.lastFailure, now: clock.now()))
    }
}
