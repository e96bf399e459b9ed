import CrescendoPublish
import Hummingbird
import Logging
import NIOCore

/// Serves the public site for every GET or HEAD that no route answers, so `/api/*`,
/// `/healthz` and `/metrics` keep priority and their behaviour (an unknown `/api/` path stays
/// the router's 404). Added after every route, it wraps only the router's not-found responder.
///
/// Public (no token), and never a 500: a path the site does not have is a 404 page, and a
/// site that cannot be built (an unreadable database, say) or a card that cannot be rendered
/// (rsvg-convert missing) is a 503 page.
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: SiteCache
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard context.endpointPath == nil, request.method == .get || request.method == .head,
              path != "/api", !path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        let response: Response
        do {
            if let file = try await cache.file(path) {
                response = Response(status: .ok, headers: [.contentType: file.contentType, .cacheControl: "no-cache"],
                                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
            } else {
                response = Self.page(.notFound, "Not found", "There is no page at this address.")
            }
        } catch {
            logger.error("the public site could not be built: \(error)")
            var r = Self.page(.serviceUnavailable, "Not available", "The ledger's pages cannot be shown just now. Please try again in a moment.")
            r.headers[.retryAfter] = "10"
            response = r
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// A small page of its own (the site's stylesheet, a link home); nothing from the request is echoed.
    static func page(_ status: HTTPResponse.Status, _ title: String, _ text: String) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title><link rel="stylesheet" href="/style.css"></head>
            <body><main><h1>\(title)</h1><p>\(text)</p><p><a href="/">The ledger's home page</a></p></main></body>
            </html>

            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
