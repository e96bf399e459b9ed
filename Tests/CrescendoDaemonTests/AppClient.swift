import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser, as far as the web-app tests need one: it keeps the cookies the daemon sets,
/// sends them back, posts forms, and reads the CSRF token of the last page.
final class AppClient: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var lastSetCookies: [String] = []

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page { var status: HTTPResponse.Status; var body: String; var headers: HTTPFields
        var location: String? { headers[.location] }
        /// The first `csrf` field's value on the page.
        var csrf: String? { AppClient.capture(#"name="csrf" value="([^"]+)""#, in: body) }
        /// The hidden Idempotency-Key field of the page's form.
        var key: String? { AppClient.capture(#"name="key" value="([^"]+)""#, in: body) }
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let r = try? NSRegularExpression(pattern: pattern),
              let m = r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(.get, path, body: nil, headers: headers)
    }

    /// Posts `form` urlencoded.
    @discardableResult
    func post(_ path: String, _ form: [String: String], headers: HTTPFields = [:]) async throws -> Page {
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        let body = form.sorted { $0.key < $1.key }.map { k, v in
            "\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await send(.post, path, body: body, headers: h)
    }

    func send(_ method: HTTPRequest.Method, _ path: String, body: String?, headers: HTTPFields) async throws -> Page {
        var h = headers
        if !cookies.isEmpty { h[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let page = try await client.execute(uri: path, method: method, headers: h, body: body.map { ByteBuffer(string: $0) }) { r in
            Page(status: r.status, body: String(buffer: r.body), headers: r.headers)
        }
        lastSetCookies = page.headers[values: .setCookie]
        for line in lastSetCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            if value.isEmpty || line.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    /// Opens the login page and signs in with `token`: the response to the form.
    @discardableResult
    func signIn(_ token: String) async throws -> Page {
        let form = try await get("/app/login")
        return try await post("/app/login", ["csrf": form.csrf ?? "", "token": token])
    }
}
