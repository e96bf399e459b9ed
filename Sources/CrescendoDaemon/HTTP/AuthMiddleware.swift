import Hummingbird

/// Writes (any method but GET and HEAD) need `Authorization: Bearer TOKEN`; 401 otherwise.
/// Without a configured token (allowed on loopback only) writes are open.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, request.method != .get, request.method != .head else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthorized, "writes need Authorization: Bearer TOKEN")
        }
        guard Self.equal(String(header.dropFirst(7)), token) else { throw APIError(.unauthorized, "wrong token") }
        return try await next(request, context)
    }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
