import CrescendoCore
import Hummingbird

/// A refused request: its status and a JSON body `{"error": ..., "field": ..., "index": ...}`.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// The offending field, for a validation error.
    public var field: String?
    /// The offending item's position in a batch.
    public var index: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, index: Int? = nil) {
        self.status = status; self.message = message; self.field = field; self.index = index
    }

    static func invalid(_ message: String, field: String, index: Int? = nil) -> APIError {
        APIError(.unprocessableContent, message, field: field, index: index)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields: [(String, JSONValue)] = [("error", .string(message))]
        if let field { fields.append(("field", .string(field))) }
        if let index { fields.append(("index", .int(index))) }
        var response = JSONResponse.make(.object(fields), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
