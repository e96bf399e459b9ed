import CrescendoStore
import Hummingbird
import HummingbirdAuth

/// A route group's role: a request with no caller gets 401 (with `WWW-Authenticate:
/// Bearer`), one whose role is not enough gets 403 `{"error": ..., "needs": ROLE}` through
/// hummingbird-auth's `AuthorizationPolicyMiddleware` and `RolePolicy`. Routes declare the
/// role they need by the group they are in; no handler checks a token.
enum RoleGate {
    /// Adds the gate for `role` to `group`.
    @discardableResult
    static func require(_ role: Role, on group: RouterGroup<DaemonRequestContext>) -> RouterGroup<DaemonRequestContext> {
        group.add(middleware: RequireCaller())
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<Caller>(role), deniedError: APIError.needs(role),
                                                           context: DaemonRequestContext.self))
    }

    /// 401 for a request no authenticator recognised.
    struct RequireCaller: RouterMiddleware {
        typealias Context = DaemonRequestContext
        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            guard context.identity != nil else {
                throw APIError(.unauthorized, "this needs a token: send Authorization: Bearer TOKEN (crescendo token add makes one)")
            }
            return try await next(request, context)
        }
    }
}
