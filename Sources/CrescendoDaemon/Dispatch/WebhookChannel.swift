import AsyncHTTPClient
import Foundation
import NIOCore

/// POSTs the action JSON to a URL with `Idempotency-Key: <id>`; any 2xx confirms it. With a
/// signing secret (`secret_env`), each delivery also carries the Standard Webhooks headers
/// (`WebhookSigner`), timestamped by the daemon's clock when it is sent.
public struct WebhookChannel: DeliveryChannel {
    /// How deliveries are signed.
    public enum Signing: Sendable {
        case none
        case signed(WebhookSigner)
        /// `secret_env` names a variable that is not set (or holds no usable secret): every
        /// delivery fails, so nothing goes out unsigned.
        case missing(variable: String)
    }

    public let url: String
    public let timeoutSeconds: Int
    let client: HTTPClient
    let signing: Signing
    let clock: any DaemonClock

    public init(url: String, timeoutSeconds: Int, client: HTTPClient = .shared, signing: Signing = .none,
                clock: any DaemonClock = SystemClock()) {
        self.url = url; self.timeoutSeconds = timeoutSeconds; self.client = client; self.signing = signing; self.clock = clock
    }

    public func deliver(id: String, payload: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: id)
        switch signing {
        case .none: break
        case .signed(let signer):
            for (name, value) in signer.headers(id: id, timestamp: clock.now().seconds, body: payload) { request.headers.add(name: name, value: value) }
        case .missing(let variable):
            throw DeliveryFailure("not sent: secret_env \(variable) is not set in the daemon's environment (or holds no usable secret)")
        }
        request.body = .bytes(ByteBuffer(string: payload))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(Int64(timeoutSeconds)))
        } catch {
            throw DeliveryFailure("POST \(url): \(error)")
        }
        // Read (and drop) the body so that the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            throw DeliveryFailure("POST \(url): HTTP \(response.status.code)")
        }
    }
}
