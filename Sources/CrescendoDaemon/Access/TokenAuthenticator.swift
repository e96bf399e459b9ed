import CrescendoStore
import Hummingbird
import HummingbirdAuth

/// Authentication as middleware: `Authorization: Bearer TOKEN` becomes the request's
/// `Caller` (hummingbird-auth's `AuthenticatorMiddleware`). No header leaves the request
/// anonymous (public routes answer it; the role gates refuse it). A header that is not a
/// Bearer token, or a token that is unknown, revoked or expired, is a 401 on any route, with
/// its audit line.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = DaemonRequestContext
    let book: TokenBook
    let log: AccessLog
    let clock: any DaemonClock

    func authenticate(request: Request, context: Context) async throws -> Caller? {
        guard request.headers[.authorization] != nil else { return nil }
        guard let bearer = request.headers.bearer else {
            throw refuse(request, "the Authorization header must be \"Bearer TOKEN\"")
        }
        switch try await book.caller(token: bearer.token, now: clock.now()) {
        case .success(let caller): return caller
        case .failure(.unknown):
            throw refuse(request, "the token is not known: check it was copied whole, or ask an admin for one")
        case .failure(.revoked): throw refuse(request, "the token was revoked; ask an admin for a new one")
        case .failure(.expired): throw refuse(request, "the token has expired; ask an admin for a new one")
        }
    }

    private func refuse(_ request: Request, _ message: String) -> APIError {
        log.record(AuditEvent(at: clock.now(), who: "anonymous", role: nil, what: RefusalAudit.what(request), outcome: 401, detail: message))
        return APIError(.unauthorized, message)
    }
}
