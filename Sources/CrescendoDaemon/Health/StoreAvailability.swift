import CrescendoCore
import CrescendoStore
import Hummingbird

/// Answers requests honestly while the ledger database cannot be reached.
///
/// Outermost of the daemon's middleware, so a lost database meets it before sessions or tokens
/// are looked up. While `health` says the database is lost, a write (any method but GET and HEAD
/// on `/api/` or `/app/`) is refused at once with 503 and `Retry-After`, and nothing is recorded.
/// Any request that meets `StoreError.unavailable` marks the database lost and is answered 503
/// in the same words (JSON on `/api/`, a small page elsewhere); the scheduler, which tries the
/// store every second, marks it back. Public pages are served from the last site built.
struct StoreAvailability<Context: RequestContext>: RouterMiddleware {
    let health: StoreHealth
    let clock: any DaemonClock
    /// Seconds a client is asked to wait before trying again.
    static var retryAfter: String { "5" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let api = path.hasPrefix("/api/")
        let write = request.method != .get && request.method != .head && (api || path.hasPrefix("/app/"))
        if write, case .lost(_, let reason) = health.current {
            return Self.refusal(reason, api: api)
        }
        do {
            return try await next(request, context)
        } catch {
            guard let reason = StoreHealth.unavailability(error) else { throw error }
            health.note(error, at: clock.now())
            return Self.refusal(reason, api: api)
        }
    }

    /// The 503: the database's sentence and that nothing was recorded.
    static func refusal(_ reason: String, api: Bool) -> Response {
        let text = "\(reason); nothing was recorded, try again shortly (with the same Idempotency-Key, a retry is safe)"
        var response = api ? JSONResponse.make(.object([("error", .string(text))]), status: .serviceUnavailable)
            : SiteMiddleware<Context>.page(.serviceUnavailable, "Not available", "The ledger cannot be reached just now; nothing was recorded. Please try again in a moment.")
        response.headers[.retryAfter] = retryAfter
        return response
    }
}
