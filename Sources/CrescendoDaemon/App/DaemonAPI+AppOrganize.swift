import CrescendoCore
import CrescendoStore
import Foundation
import Hummingbird

/// The organizer's page: what the scheduler will do next and why not yet (the status
/// `GET /api/status` computes, as sentences), the deadline board with its response form
/// (posted the way `POST /api/responses` is, through `recordResponses`), dead letters with
/// Retry, channel health, reload errors with file:line:column, and recent actions with
/// their "because".
extension DaemonAPI {
    func organizePage(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.organizer, request, context)
        guard let page = gated.page else { return gated.refusal! }
        let q = request.uri.queryParameters
        let flash = q.get("answered").flatMap(Int.init).map { page.word("respond_done", ["n": String($0)]) }
            ?? q.get("retried").map { page.word("retried", ["id": $0]) }
        return try await organize(page, flash: flash)
    }

    /// The page, with the response form's values and error when a response was refused.
    func organize(_ page: AppPage, values: [String: String] = [:], error: APIError? = nil, formError: String? = nil,
                  flash: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = clock.now()
        let campaigns = await scheduler.status()
        let zone = registry.primary.campaign.zone
        var board: [[String: Any]] = []
        var options: [(String, String)] = []
        // A response recorded since the scheduler's last step answers its deadline already.
        let answered = Set(try await store.responses().map(\.deadline))
        for c in campaigns {
            for d in c.report.deadlines where d.record.answeredAt == nil && !answered.contains(d.record.number) {
                let r = d.record
                board.append(["number": r.number, "target": r.target, "demand": r.demand, "due": zone.short(r.due),
                              "silence": max(0, (now.seconds - r.opened.seconds) / 86_400), "state": r.missed ? "missed" : "open",
                              "stateText": page.word(r.missed ? "state_missed" : "state_open")])
                options.append((String(r.number), "\(r.number): \(r.target)"))
            }
        }
        let respond = respondForm(page, options: options, values: values, error: error)
        let dead = try await store.deadLetters(limit: 50).map { d -> [String: Any] in
            ["id": d.actionID, "channel": d.channel, "attempts": d.attempts, "error": d.lastError ?? "", "csrf": page.session?.csrf ?? ""]
        }
        let health = try await store.channelHealth().map { h -> [String: Any] in
            var o: [String: Any] = ["channel": h.channel, "campaign": h.campaign, "pending": h.pending, "delivered": h.delivered,
                                    "deadCount": h.dead, "ok": h.dead == 0 && h.lastError == nil]
            if let e = h.lastError { o["lastError"] = e }
            return o
        }
        let recent = try await store.actions(since: Instant(seconds: now.seconds - 30 * 86_400), limit: 500).suffix(20).reversed()
            .map { a -> [String: Any] in
                ["due": zone.short(a.dueAt), "action": a.action, "rule": a.rule, "because": a.reason ?? "", "state": a.state.rawValue]
            }
        let reload = registry.lastFailure?.lines ?? []
        var c: [String: Any] = [
            "campaigns": campaigns.map { s -> [String: Any] in
                let sentences = Self.sentences(s, zone: zone)
                return ["title": s.title, "judged": zone.short(s.judgedThrough), "entries": s.report.entries,
                        "sentences": sentences, "count": sentences.count]
            },
            "board": board, "hasBoard": !board.isEmpty,
            "dead": dead, "hasDead": !dead.isEmpty, "health": health,
            "reload": reload, "hasReload": !reload.isEmpty, "recent": Array(recent), "hasRecent": !recent.isEmpty,
        ]
        if let respond { c["respond"] = ["form": respond] }
        return page.render("organize", title: page.word("organize_title"), c,
                           status: status, flash: flash, formError: formError ?? error.map { _ in page.word("fix_below") })
    }

    /// "What comes next and why not yet", in the engine's own sentences.
    static func sentences(_ c: CampaignStatus, zone: Zone) -> [String] {
        let r = c.report
        return r.rules.flatMap { rule in rule.lines.map { "\(rule.rule): \($0)" } } + r.pacing + r.forecasts.map(\.sentence)
            + c.timers.prefix(10).map { "\(zone.short($0.at)): \($0.rule), \($0.detail)" }
    }

    private func respondForm(_ page: AppPage, options: [(String, String)], values: [String: String], error: APIError?) -> [String: Any]? {
        guard !options.isEmpty || error != nil else { return nil }
        var fields = [
            AppField(name: "deadline", label: page.word("field_deadline"), kind: .select(options)),
            AppField(name: "text", label: page.word("field_text"), kind: .textarea),
            AppField(name: "win", label: page.word("field_win"),
                     kind: .select([("", page.word("win_none")), ("partial", page.word("win_partial")), ("full", page.word("win_full"))])),
        ]
        AppField.fill(&fields, values: values, error: error.map { ($0.field, $0.message) })
        return ["action": "/app/organize/respond", "key": AppSession.randomToken(), "submit": page.word("respond_submit"),
                "fields": fields.map(\.context)]
    }

    func postRespond(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.organizer, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (checked, refusal) = try await checkedForm(request, page)
        guard let form = checked else { return refusal! }
        var values: [String: String] = [:]
        for f in ["deadline", "text", "win"] { if let v = form.text(f) { values[f] = v } }
        var body: [(String, JSONValue)] = [("deadline", values["deadline"].flatMap(Int.init).map { JSONValue.int($0) } ?? .string(values["deadline"] ?? ""))]
        if let t = values["text"] { body.append(("text", .string(t))) }
        if let w = values["win"] { body.append(("win", .string(w))) }
        do {
            _ = try await recordResponses(ByteBuffer(string: JSONValue.object(body).text), key: form["key"], caller,
                                          what: "POST /app/organize/respond")
            return Self.seeOther("/app/organize?answered=\(values["deadline"] ?? "")")
        } catch let error as APIError where error.status.code < 500 {
            return try await organize(page, values: values, error: error, status: HTTPResponse.Status(code: error.status.code))
        }
    }

    func postRetryForm(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.organizer, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (checked, refusal) = try await checkedForm(request, page)
        guard let form = checked else { return refusal! }
        guard let id = form["id"] else { return try await organize(page, formError: "id is required", status: .unprocessableContent) }
        do {
            _ = try await retryDead(id, channel: form["channel"], caller, what: "POST /app/organize/retry")
            return Self.seeOther("/app/organize?retried=\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        } catch let error as APIError where error.status.code < 500 {
            return try await organize(page, formError: error.message, status: HTTPResponse.Status(code: error.status.code))
        }
    }
}
