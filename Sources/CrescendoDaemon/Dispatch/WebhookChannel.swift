import AsyncHTTPClient
import Foundation
import NIOCore


/// POSTs the action JSON to a URL with `Idempotency-Key: <id>`; any 2xx confirms it.
public struct WebhookChannel: DeliveryChannel {
    public let url: String
    public let timeoutSeconds: Int
    let client: HTTPClient

    public init(url: String, timeoutSeconds: Int, client: HTTPClient = .shared) {
        self.url = url; self.timeoutSeconds = timeoutSeconds; self.client = client
    }

    public func deliver(id: String, payload: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: id)
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
