import CrescendoCore
import CrescendoStore
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// The web app's authentication: a request without a Bearer token whose session cookie names
/// a live session becomes that session's caller, checked against the token book on every
/// request (a revoked or expired token ends its sessions, which are then cleared). A write
/// to the API (`POST /api/...`) made with the session must carry its CSRF token in
/// `X-CSRF-Token`; without it the request is a 403 and writes nothing. Bearer requests need
/// no CSRF token: a browser never adds an `Authorization` header by itself.
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let book: TokenBook
    let log: AccessLog
    let clock: any DaemonClock
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity == nil, let session = context.sessions.session else { return try await next(request, context) }
        guard case .success(let caller) = try await book.caller(hash: session.tokenHash, now: clock.now()) else {
            context.sessions.clearSession()
            return try await next(request, context)
        }
        var context = context
        context.identity = caller
        context.viaSession = true
        if request.uri.path.hasPrefix("/api/"), request.method != .get, request.method != .head,
           !session.accepts(csrf: request.headers[Self.csrfHeader]) {
            let message = "a write with the web app's session needs its CSRF token in the X-CSRF-Token header"
            log.record(AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: RefusalAudit.what(request),
                                  outcome: 403, detail: message))
            throw APIError(.forbidden, message, field: "X-CSRF-Token")
        }
        return try await next(request, context)
    }
}
