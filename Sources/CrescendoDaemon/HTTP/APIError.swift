import CrescendoCore
import CrescendoStore
import Hummingbird

/// A refused request: its status and a JSON body `{"error": ..., "field": ..., "index": ..., "needs": ...}`.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// The offending field, for a validation error.
    public var field: String?
    /// The offending item's position in a batch.
    public var index: Int?
    /// The role a 403 needed.
    public var needs: Role?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, index: Int? = nil, needs: Role? = nil) {
        self.status = status; self.message = message; self.field = field; self.index = index; self.needs = needs
    }

    /// The 403 of a role gate.
    static func needs(_ role: Role) -> APIError {
        APIError(.forbidden, "this needs the \(role.rawValue) role (or one that includes it)", needs: role)
    }

    static func invalid(_ message: String, field: String, index: Int? = nil) -> APIError {
        APIError(.unprocessableContent, message, field: field, index: index)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields: [(String, JSONValue)] = [("error", .string(message))]
        if let field { fields.append(("field", .string(field))) }
        if let index { fields.append(("index", .int(index))) }
        if let needs { fields.append(("needs", .string(needs.rawValue))) }
        var response = JSONResponse.make(.object(fields), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
