import CrescendoCore
import CrescendoStore
import Hummingbird

/// The read routes: the raw ledger, actions, status and the audit log, for organizers (the
/// whole audit log for admins). None of this is public: the public see the site.
extension DaemonAPI {
    /// `limit` (1 to `max`, default `fallback`); anything else is a 400 naming it.
    static func limit(_ q: Parameters, fallback: Int = 1000, max: Int = 10_000) throws -> Int {
        guard let s = q.get("limit") else { return fallback }
        guard let n = Int(s), n >= 1 else { throw APIError(.badRequest, "limit must be a whole number, 1 or more", field: "limit") }
        return min(n, max)
    }

    /// `after` (a seq or an id, 0 or more; default 0).
    static func after(_ q: Parameters) throws -> Int64 {
        guard let s = q.get("after") else { return 0 }
        guard let n = Int64(s), n >= 0 else { throw APIError(.badRequest, "after must be a whole number, 0 or more", field: "after") }
        return n
    }

    func ledger(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        let (after, limit) = (try Self.after(q), try Self.limit(q))
        let entries = try await store.entries(EntryQuery(fromSeq: after + 1, limit: limit))
        return JSONResponse.make(.object([("entries", .array(entries.map { (s: StoredEntry) in s.json }))]))
    }

    func actions(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        var since: Instant?
        if let s = q.get("since") {
            guard let t = TimeParsing.instant(s, zone: registry.primary.campaign.zone) else {
                throw APIError(.badRequest, "since must be a date or date-time (2027-01-04T09:00Z)", field: "since")
            }
            since = t
        }
        let rows = try await store.actions(since: since, limit: try Self.limit(q))
        return JSONResponse.make(.object([("actions", .array(rows.map(ActionJSON.value)))]))
    }

    /// The status summary, or one rule in full with `rule` (and `campaign` to pick among
    /// campaigns that share a rule id); a rule no campaign has is a 404 naming it.
    func status(_ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        var scope = StatusScope.summary
        if let rule = q.get("rule") {
            scope = .rule(rule, campaign: q.get("campaign"))
        } else if q.get("campaign") != nil {
            throw APIError(.badRequest, "campaign picks among the campaigns of a rule: give rule too", field: "campaign")
        }
        // While the database is lost the campaigns are shown as last judged, without waiting on
        // it, including one whose lease lapsed meanwhile (it could not be renewed).
        let database = self.health.current
        let lost = database != .up
        let campaigns = await scheduler.status(asLastJudged: lost)
        if case .rule(let id, let only) = scope,
           !campaigns.contains(where: { c in (only == nil || only == c.campaign) && c.report.rules.contains { $0.rule == id } }) {
            let whose = only.map { " in campaign \($0)" } ?? ""
            throw APIError(.notFound, "no rule \(id)\(whose); GET /api/status lists the rules", field: "rule")
        }
        let health = lost ? nil : try await store.channelHealth()
        let dead = lost ? nil : try await store.deadLetters(limit: 50)
        let counts = lost ? nil : try await store.actionCounts()
        return JSONResponse.make(StatusJSON.value(campaigns: campaigns, health: health, dead: dead, counts: counts,
                                                  failure: registry.lastFailure, quarantined: registry.quarantined,
                                                  now: clock.now(), database: database, scope: scope))
    }

    /// A page of the audit log, oldest first: an organizer's own lines, or (for an admin) every
    /// line, or one caller's with `who`. `next` is the `after` of the next page.
    func audit(_ request: Request, _ caller: Caller) async throws -> Response {
        let q = request.uri.queryParameters
        var who = q.get("who")
        if caller.role < .admin {
            guard who == nil || who == caller.name else { throw APIError.needs(.admin) }
            who = caller.name
        }
        let page = try await store.audit(AuditQuery(who: who, after: try Self.after(q), limit: try Self.limit(q, fallback: 100)))
        let next: JSONValue = page.last?.id.map { JSONValue.int($0) } ?? .null
        return JSONResponse.make(.object([("audit", .array(page.map(\.json))), ("next", next)]))
    }
}
