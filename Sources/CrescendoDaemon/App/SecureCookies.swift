import HTTPTypes
import Hummingbird

/// Marks every cookie the daemon sets `Secure` when the request came over HTTPS, as a TLS
/// terminator in front of the daemon says with `X-Forwarded-Proto: https` (or `Forwarded:
/// proto=https`): the session cookie then never travels in clear. Over plain HTTP (loopback,
/// a test) the cookie has no `Secure`, or the browser would drop it.
struct SecureCookies<Context: RequestContext>: RouterMiddleware {
    static func isHTTPS(_ request: Request) -> Bool {
        if let proto = request.headers[HTTPField.Name("X-Forwarded-Proto")!], proto.lowercased().hasPrefix("https") { return true }
        if let forwarded = request.headers[HTTPField.Name("Forwarded")!], forwarded.lowercased().contains("proto=https") { return true }
        return false
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isHTTPS(request) else { return response }
        let cookies = response.headers[values: .setCookie]
        guard !cookies.isEmpty else { return response }
        response.headers[values: .setCookie] = cookies.map { $0.lowercased().contains("; secure") ? $0 : $0 + "; Secure" }
        return response
    }
}
