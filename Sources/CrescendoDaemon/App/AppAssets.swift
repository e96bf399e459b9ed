import Foundation
import HTTPTypes
import Hummingbird

/// The app's script, service worker and styles (`Resources/app`), read once, served as they
/// are: no build step, nothing fetched from elsewhere.
struct AppAssets: Sendable {
    var name: String
    var contentType: String
    var bytes: [UInt8]

    static let all: [AppAssets] = [("app.js", "text/javascript; charset=utf-8"), ("sw.js", "text/javascript; charset=utf-8"),
                                   ("app.css", "text/css; charset=utf-8")].map { name, type in
        let url = Bundle.module.url(forResource: "app/\(name)", withExtension: nil)
        let data = url.flatMap { try? Data(contentsOf: $0) } ?? Data("/* app/\(name) is missing beside the crescendo binary */".utf8)
        return AppAssets(name: name, contentType: type, bytes: Array(data))
    }

    func response() -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-cache",
                                   HTTPField.Name("X-Content-Type-Options")!: "nosniff"]
        // The worker may control all of /app/ though it is served from /app/sw.js.
        if name == "sw.js" { headers[HTTPField.Name("Service-Worker-Allowed")!] = "/app/" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
