import CrescendoCore
import Hummingbird

extension DaemonAPI {
    /// `GET /healthz`: 200 `{"status":"ok"}` while the ledger database can be reached; 503
    /// `{"status":"unavailable","database":...,"since":...}` while it cannot, so a load balancer
    /// sends writers to a daemon that can record them.
    func healthz() -> Response {
        switch health.current {
        case .up:
            return JSONResponse.text(#"{"status":"ok"}"#)
        case .lost(let since, let reason):
            var response = JSONResponse.make(.object([("status", .string("unavailable")), ("database", .string(reason)),
                                                      ("since", .instant(since))]), status: .serviceUnavailable)
            response.headers[.retryAfter] = StoreAvailability<DaemonRequestContext>.retryAfter
            return response
        }
    }
}
