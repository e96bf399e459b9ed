import CrescendoCore
import CrescendoStore
import Hummingbird
import Logging

/// Answers requests honestly while the ledger database cannot be reached.
///
/// Outermost of the daemon's middleware, so a lost database meets it before sessions or tokens
/// are looked up. While `health` says the database is lost, a write (any method but GET and HEAD
/// on `/api/` or `/app/`) is refused at once with 503 and `Retry-After`, and nothing is recorded.
/// Any request that meets `StoreError.unavailable` marks the database lost and is answered 503
/// in the same words (JSON on `/api/`, a small page elsewhere); `LeaseService`, which asks the
/// store every few seconds, marks it back. Public pages are served from the last site built.
///
/// A store that is busy (a lock held too long), full or read-only is a 503 in its own words too:
/// the request may succeed later as it is. Any other error that is not an HTTP answer of its own
/// is logged with its route before it becomes Hummingbird's 500, so no 500 goes unexplained.
struct StoreAvailability<Context: RequestContext>: RouterMiddleware {
    let health: StoreHealth
    let clock: any DaemonClock
    let logger: Logger
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
            if let reason = StoreHealth.unavailability(error) {
                health.note(error, at: clock.now())
                return Self.refusal(reason, api: api)
            }
            switch error as? StoreError {
            case .busy?, .diskFull?, .readOnly?:
                logger.warning("\(request.method) \(path) refused with 503: \(error)")
                return Self.refusal("\(error)", api: api, recorded: "try again shortly (with the same Idempotency-Key, a retry is safe)")
            default:
                if !(error is any HTTPResponseError) { logger.error("\(request.method) \(path) failed with 500: \(String(reflecting: error))") }
                throw error
            }
        }
    }

    /// The 503: the database's sentence, and then that nothing was recorded (unless the sentence says it).
    static func refusal(_ reason: String, api: Bool,
                        recorded: String = "nothing was recorded, try again shortly (with the same Idempotency-Key, a retry is safe)") -> Response {
        let text = "\(reason); \(recorded)"
        var response = api ? JSONResponse.make(.object([("error", .string(text))]), status: .serviceUnavailable)
            : SiteMiddleware<Context>.page(.serviceUnavailable, "Not available", "The ledger cannot be reached just now; nothing was recorded. Please try again in a moment.")
        response.headers[.retryAfter] = retryAfter
        return response
    }
}
