import CrescendoStore
import Hummingbird

/// What a write answered: the JSON reply (kept under its `Idempotency-Key`), and whether it
/// is the first answer given again. The API sends it as is; the web app reads it for its receipt.
struct WriteResult: Sendable {
    var reply: StoredReply
    var replayed = false

    /// The reply as an HTTP response (`Idempotent-Replayed: true` on a replay).
    var response: Response {
        var response = JSONResponse.text(reply.body, status: HTTPResponse.Status(code: reply.status))
        if replayed { response.headers[DaemonAPI.replayedHeader] = "true" }
        return response
    }
}
