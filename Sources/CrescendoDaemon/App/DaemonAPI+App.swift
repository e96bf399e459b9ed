import CrescendoCore
import CrescendoStore
import Foundation
import Hummingbird
import HummingbirdAuth

/// The web app under `/app/` (docs/app.md): pages for each role, rendered from the app's
/// templates, signed in by token into a session (hummingbird-auth's `SessionMiddleware`, kept
/// by the store). A page a caller's role does not open is a 403 page; without a session a
/// page leads to `/app/login`. Every POST carries the session's CSRF token in its `csrf`
/// field; without a valid one it is a 403 and writes nothing.
extension DaemonAPI {
    /// How long a session lasts without signing in again (its token may end it sooner).
    static let sessionDays = 14

    /// The app's routes on `router`.
    func addApp(to router: Router<DaemonRequestContext>) {
        router.get("/app") { request, context in
            let gated = try gate(nil, request, context)
            guard let page = gated.page else { return gated.refusal! }
            return page.render("home", title: page.word("home_title"))
        }
        router.get("/app/login") { request, context in loginPage(request, context) }
        router.post("/app/login") { request, context in try await login(request, context) }
        router.post("/app/logout") { request, context in try await logout(request, context) }
        router.get("/app/record") { request, context in try await recordPage(request, context) }
        router.post("/app/record") { request, context in try await postRecord(request, context) }
        router.get("/app/receipt/:seq") { request, context in try await receipt(request, context) }
        router.get("/app/organize") { request, context in try await organizePage(request, context) }
        router.post("/app/organize/respond") { request, context in try await postRespond(request, context) }
        router.post("/app/organize/retry") { request, context in try await postRetryForm(request, context) }
        router.get("/app/admin") { request, context in try await adminPage(request, context) }
        router.post("/app/admin/tokens") { request, context in try await postToken(request, context) }
        router.post("/app/admin/revoke") { request, context in try await postRevoke(request, context) }
        for asset in AppAssets.all {
            router.get("/app/\(asset.name)") { _, _ in asset.response() }
        }
    }

    /// What a gate decided: the page to build, or the response that refuses it.
    struct Gated { var page: AppPage?; var refusal: Response?; var caller: Caller? }

    /// Lets a signed-in caller whose role is at least `role` through (nil: any signed-in
    /// caller); without a session a GET leads to the login page and a POST is a 403 page; a
    /// role too low is a 403 page naming the role.
    func gate(_ role: Role?, _ request: Request, _ context: DaemonRequestContext) throws -> Gated {
        let page = AppPage(request, context, campaignTitle: registry.primary.campaign.title)
        guard let caller = page.caller else {
            if request.method == .get {
                return Gated(refusal: Response(status: .seeOther, headers: [.location: "/app/login", .cacheControl: "no-store"]))
            }
            return Gated(refusal: page.render("refused", title: page.word("refused_title"),
                                              ["message": page.word("csrf_refused")], status: .forbidden))
        }
        if let role, caller.role < role {
            return Gated(refusal: page.render("refused", title: page.word("refused_title"),
                                              ["message": page.word("refused_text", ["role": role.rawValue])], status: .forbidden))
        }
        return Gated(page: page, caller: caller)
    }

    /// Reads a posted form and checks its CSRF token against the session's: nil (and the 403
    /// page in `refusal`) when it is missing or wrong, so nothing is written.
    func checkedForm(_ request: Request, _ page: AppPage) async throws -> (form: AppForm?, refusal: Response?) {
        let form = try await AppForm.read(request)
        guard let session = page.session, session.accepts(csrf: form["csrf"]) else {
            return (nil, page.render("refused", title: page.word("refused_title"), ["message": page.word("csrf_refused")],
                                     status: .forbidden))
        }
        return (form, nil)
    }

    /// A 303 to `location` (the pattern after every successful form post).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
