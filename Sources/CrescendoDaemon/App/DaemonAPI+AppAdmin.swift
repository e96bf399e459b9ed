import CrescendoCore
import CrescendoStore
import Foundation
import HTTPTypes
import Hummingbird

/// The admin's page: tokens (add, revoke) and the audit log, newest first, 50 lines a page.
/// A new token is shown once, in the response to the form that made it (never in a URL),
/// with its invite link `/app/login#token=...`: the token travels in the fragment, which a
/// browser never sends to a server, and the login page's script removes it from the address
/// bar and the history before it signs in.
extension DaemonAPI {
    func adminPage(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.admin, request, context)
        guard let page = gated.page else { return gated.refusal! }
        let before = request.uri.queryParameters.get("before").flatMap(Int64.init)
        let flash = request.uri.queryParameters.get("revoked").map { page.word("revoked_done", ["name": $0]) }
        return try await admin(page, before: before, flash: flash)
    }

    func admin(_ page: AppPage, before: Int64? = nil, created: [String: Any]? = nil, values: [String: String] = [:],
               error: (field: String, message: String)? = nil, flash: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = clock.now()
        let zone = registry.primary.campaign.zone
        let tokens = try await store.tokens().map { t -> [String: Any] in
            let refusal = t.refusal(at: now)
            return ["name": t.name, "role": t.role.rawValue, "created": zone.short(t.createdAt),
                    "expires": t.expiresAt.map(zone.short) ?? page.word("token_never"),
                    "lastUsed": t.lastUsedAt.map(zone.short) ?? page.word("token_never"),
                    "state": page.word(refusal == nil ? "token_active" : refusal == "revoked" ? "token_revoked" : "token_expired"),
                    "active": refusal == nil, "csrf": page.session?.csrf ?? ""]
        }
        var fields = [
            AppField(name: "name", label: page.word("field_name"), kind: .input(type: "text", numeric: false)),
            AppField(name: "role", label: page.word("field_role"), kind: .select(Role.allCases.map { ($0.rawValue, $0.rawValue) }), value: "recorder"),
            AppField(name: "expires", label: page.word("field_expires"), kind: .input(type: "text", numeric: false)),
        ]
        AppField.fill(&fields, values: values, error: error.map { ($0.field, $0.message) })
        let limit = 50
        let lines = try await store.audit(AuditQuery(limit: limit, before: before ?? Int64.max))
        let audit = lines.map { e -> [String: Any] in
            var o: [String: Any] = ["at": zone.short(e.at), "who": e.who, "what": e.what, "ids": e.ids, "outcome": e.outcome]
            if let r = e.role { o["role"] = r.rawValue }
            if let d = e.detail { o["detail"] = d }
            return o
        }
        var c: [String: Any] = ["tokens": tokens, "audit": audit, "newer": before != nil,
                                "form": ["action": "/app/admin/tokens", "submit": page.word("add_submit"), "fields": fields.map(\.context)]]
        if lines.count == limit, let oldest = lines.last?.id { c["older"] = String(oldest) }
        if let created { c["created"] = created }
        return page.render("admin", title: page.word("admin_title"), c, status: status, flash: flash,
                           formError: error.map { _ in page.word("fix_below") })
    }

    func postToken(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.admin, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (checked, refusal) = try await checkedForm(request, page)
        guard let form = checked else { return refusal! }
        let now = clock.now()
        var values: [String: String] = [:]
        for f in ["name", "role", "expires"] { if let v = form[f] { values[f] = v } }
        func refuse(_ field: String, _ message: String) async throws -> Response {
            log.record(AuditEvent(at: now, who: caller.name, role: caller.role, what: "POST /app/admin/tokens", outcome: 422, detail: message))
            return try await admin(page, values: values, error: (field, message), status: .unprocessableContent)
        }
        let name = values["name"] ?? ""
        if let problem = TokenRecord.nameProblem(name) { return try await refuse("name", problem) }
        guard let role = values["role"].flatMap(Role.init(rawValue:)) else { return try await refuse("role", "choose recorder, organizer or admin") }
        var expiry: Instant?
        if let text = values["expires"] {
            guard let t = TokenRecord.expiry(text, from: now), t > now else {
                return try await refuse("expires", "a future date (2027-03-31), date-time (2027-03-31T18:00) or duration (30d), not \"\(text)\"")
            }
            expiry = t
        }
        let token = TokenSecret.generate()
        do {
            try await store.addToken(TokenRecord(name: name, role: role, createdAt: now, expiresAt: expiry), hash: TokenSecret.hash(token))
        } catch StoreError.tokenExists {
            return try await refuse("name", "a token named \(name) exists already (revoked names stay taken)")
        }
        log.record(AuditEvent(at: now, who: caller.name, role: caller.role, what: "POST /app/admin/tokens", ids: "token \(name)", outcome: 201))
        let proto = SecureCookies<DaemonRequestContext>.isHTTPS(request) ? "https" : "http"
        let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? "localhost"
        let created: [String: Any] = ["token": token, "invite": "\(proto)://\(host)/app/login#token=\(token)",
                                      "text": page.word("new_token_text", ["name": name])]
        return try await admin(page, created: created, status: .created)
    }

    func postRevoke(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.admin, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (checked, refusal) = try await checkedForm(request, page)
        guard let form = checked else { return refusal! }
        let name = form["name"] ?? ""
        do {
            try await store.revokeToken(name: name, at: clock.now())
        } catch StoreError.noSuchToken {
            return try await admin(page, error: ("name", "there is no token named \(name)"), status: .notFound)
        }
        log.record(AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: "POST /app/admin/revoke", ids: "token \(name)", outcome: 200))
        return Self.seeOther("/app/admin?revoked=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
    }
}
