import CrescendoCore
import CrescendoStore
import Hummingbird

/// Notes every refusal of the API (`/api/...`, `/metrics`) and the web app (`/app/...`) in the audit log: any response or
/// error with a status of 400 or more, with who asked (when known), the route and the
/// error's sentence. The daemon goes on serving; the line is written by `AccessService`.
struct RefusalAudit: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let log: AccessLog
    let clock: any DaemonClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/") || path == "/metrics" || path.hasPrefix("/app") else { return try await next(request, context) }
        do {
            let response = try await next(request, context)
            if response.status.code >= 400 { note(request, context, status: response.status.code, detail: nil) }
            return response
        } catch let error as APIError {
            note(request, context, status: error.status.code, detail: error.message)
            throw error
        } catch let error as any HTTPResponseError {
            note(request, context, status: error.status.code, detail: "\(error)")
            throw error
        } catch {
            note(request, context, status: 500, detail: "\(error)")
            throw error
        }
    }

    private func note(_ request: Request, _ context: Context, status: Int, detail: String?) {
        log.record(AuditEvent(at: clock.now(), who: context.identity?.name ?? "anonymous", role: context.identity?.role,
                              what: Self.what(request), outcome: status, detail: detail.map { String($0.prefix(300)) }))
    }

    /// `METHOD /path`, without the query.
    static func what(_ request: Request) -> String { "\(request.method) \(request.uri.path)" }
}
