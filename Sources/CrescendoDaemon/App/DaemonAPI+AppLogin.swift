import CrescendoCore
import Foundation
import CrescendoStore
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Signing in and out. The login form has no session yet, so its CSRF token is a
/// double-submit cookie (`crescendo_login`, HttpOnly, SameSite=Strict, for `/app/login`
/// only) that the form's `csrf` field must match. Signing in makes a new session (a new id:
/// no fixation) holding the token's hash, and leads to `/app/`; a wrong token gets the form
/// back with the field marked, a 401. Both are audited.
extension DaemonAPI {
    static let loginCookie = "crescendo_login"
    /// What a token may keep as it is in a URL's fragment (a token is `cr_` and base64url).
    static let fragmentSafe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    func loginPage(_ request: Request, _ context: DaemonRequestContext) -> Response {
        let page = AppPage(request, context, campaignTitle: registry.primary.campaign.title)
        if page.caller != nil { return Self.seeOther("/app/") }
        // `?token=` (an invite link typed by hand): moved into the fragment, out of the server's sight from now on.
        if let token = request.uri.queryParameters.get("token") {
            var r = Self.seeOther("/app/login#token=" + (token.addingPercentEncoding(withAllowedCharacters: Self.fragmentSafe) ?? ""))
            r.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
            return r
        }
        return loginForm(page, error: nil, status: .ok)
    }

    private func loginForm(_ page: AppPage, error: String?, status: HTTPResponse.Status) -> Response {
        let csrf = AppSession.randomToken()
        var field = AppField(name: "token", label: page.word("login_token"), kind: .input(type: "password", numeric: false))
        field.error = error
        field.required = true
        field.autocomplete = "current-password"
        let form: [String: Any] = ["action": "/app/login", "csrf": csrf, "submit": page.word("login_submit"),
                                   "hidden": [["name": "lang", "value": page.lang]], "fields": [field.context]]
        var response = page.render("login", title: page.word("login_title"), ["form": form, "csrf": csrf], status: status,
                                   formError: error.map { _ in page.word("fix_below") })
        response.setCookie(Cookie(name: Self.loginCookie, value: csrf, maxAge: 3600, path: "/app/login", secure: false,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let page = AppPage(request, context, campaignTitle: registry.primary.campaign.title)
        let form = try await AppForm.read(request)
        guard let cookie = request.cookies[Self.loginCookie]?.value, let given = form["csrf"],
              TokenBook.equal(String(cookie), given) else {
            return page.render("refused", title: page.word("refused_title"), ["message": page.word("csrf_refused")], status: .forbidden)
        }
        guard let token = form["token"] else { return loginForm(page, error: page.word("login_empty"), status: .unprocessableContent) }
        switch try await tokens.caller(token: token, now: clock.now()) {
        case .failure(.unknown): return loginForm(page, error: page.word("login_bad"), status: .unauthorized)
        case .failure: return loginForm(page, error: page.word("login_revoked"), status: .unauthorized)
        case .success(let caller):
            let lang = form["lang"].flatMap { AppWords.table[$0] != nil ? $0 : nil }
            context.sessions.createSession(AppSession(tokenHash: TokenSecret.hash(token), lang: lang),
                                           expiresIn: .seconds(Self.sessionDays * 86_400))
            log.record(AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: "POST /app/login", ids: "session", outcome: 303))
            var r = Self.seeOther("/app/")
            r.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/app/login", httpOnly: true, sameSite: .strict))
            return r
        }
    }

    func logout(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(nil, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (form, refusal) = try await checkedForm(request, page)
        guard form != nil else { return refusal! }
        context.sessions.clearSession()
        log.record(AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: "POST /app/logout", ids: "session", outcome: 303))
        return Self.seeOther("/app/login")
    }
}
