import CrescendoCore
import CrescendoStore
import Foundation
import HTTPTypes
import Hummingbird

/// One request's page in the web app: the language chosen (`?lang=`, the session's,
/// `Accept-Language`), its words, who is signed in and the session's CSRF token, and how to
/// render a page template inside the layout with the headers every app page carries.
struct AppPage {
    var lang: String
    var words: [String: String]
    var caller: Caller?
    var session: AppSession?
    var campaignTitle: String
    var path: String

    init(_ request: Request, _ context: DaemonRequestContext, campaignTitle: String) {
        session = context.sessions.session
        caller = context.viaSession ? context.identity : nil
        let query = request.uri.queryParameters.get("lang")
        lang = AppWords.choose(query: query, session: session?.lang, acceptLanguage: request.headers[.acceptLanguage])
        words = AppWords.words(lang)
        self.campaignTitle = campaignTitle
        path = request.uri.path
        // Remembered for the session.
        if let query, lang == query.lowercased(), session != nil, session?.lang != lang {
            context.sessions.withLockedSession { $0?.lang = lang }
            session?.lang = lang
        }
    }

    /// A word, with `{name}` placeholders filled in.
    func word(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = words[key] ?? key
        for (k, v) in values { text = text.replacingOccurrences(of: "{\(k)}", with: v) }
        return text
    }

    /// The pages a caller's role opens, in the header's order.
    var nav: [[String: Any]] {
        guard let caller else { return [] }
        let pages: [(String, Role, String, String)] = [
            ("/app/record", .recorder, "nav_record", "home_record"), ("/app/organize", .organizer, "nav_organize", "home_organize"),
            ("/app/admin", .admin, "nav_admin", "home_admin"),
        ]
        return pages.filter { caller.role >= $0.1 }.map { p in
            ["href": p.0, "label": word(p.2), "tile": word(p.3), "current": path == p.0]
        }
    }

    /// The headers of every app page: never cached by the browser's HTTP cache (the service
    /// worker keeps its own copy of the record page), no framing, no referrer, scripts and
    /// styles only from the daemon.
    static func headers() -> HTTPFields {
        [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
         .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
         HTTPField.Name("X-Content-Type-Options")!: "nosniff", HTTPField.Name("Referrer-Policy")!: "no-referrer",
         HTTPField.Name("X-Frame-Options")!: "DENY"]
    }

    /// `template` rendered with `values`, inside the layout.
    func render(_ template: String, title: String, _ values: [String: Any] = [:], status: HTTPResponse.Status = .ok,
                flash: String? = nil, formError: String? = nil) -> Response {
        var c: [String: Any] = values
        c["w"] = words
        c["lang"] = lang
        if let csrf = session?.csrf, caller != nil { c["csrf"] = csrf }
        if let csrf = values["csrf"] { c["csrf"] = csrf }
        c["nav"] = nav
        if let caller { c["caller"] = ["name": caller.name, "role": caller.role.rawValue] }
        let body = AppTemplates.render(template, c) ?? ""
        c["body"] = body
        c["title"] = title
        c["page"] = template
        c["campaign"] = campaignTitle
        c["langs"] = AppWords.languages.map { code -> [String: Any] in
            ["code": code, "name": Self.languageNames[code] ?? code, "current": code == lang]
        }
        if let flash { c["flash"] = flash }
        if let formError { c["formError"] = formError }
        let script = ["waiting_one", "waiting_many", "waiting_none", "queued", "sent", "record_offline"]
        c["wordsJSON"] = JSONValue.object(script.map { ($0, .string(words[$0] ?? "")) }).text
        guard let html = AppTemplates.render("layout", c), !body.isEmpty else {
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "the web app's templates are missing: \(AppTemplates.problem ?? "unknown")")))
        }
        return Response(status: status, headers: Self.headers(), body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static let languageNames = ["en": "English", "fr": "Français"]
}
