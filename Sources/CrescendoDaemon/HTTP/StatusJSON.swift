import CrescendoCore
import CrescendoDSL
import CrescendoStore

/// `GET /api/status`: whether the ledger database can be reached, each campaign's "why not yet"
/// and pending timers, channel health, dead letters, action counts, the campaign files that do
/// not load (`quarantined`) and the last failed reload. While the database is lost, the parts
/// read from it (`health`, `dead`, `counts` given as nil) are null.
///
/// By default each campaign is a summary whose size does not grow with the ledger: every
/// rule's status lines with its counts of open deadlines and pending timers, and the
/// `StatusScope.listed` most urgent deadlines and soonest timers (with `deadlines_total` and
/// `timers_total`). `?rule=ID` shows that rule in full: every deadline it opened that is not
/// answered and every timer it has pending.
enum StatusJSON {
    static func value(campaigns: [CampaignStatus], health: [ChannelHealth]?, dead: [DeliveryRecord]?,
                      counts: [ActionRecord.State: Int]?, failure: ReloadFailure?, quarantined: [QuarantinedCampaign] = [], now: Instant,
                      database: StoreHealth.State = .up, scope: StatusScope = .summary) -> JSONValue {
        var fields: [(String, JSONValue)] = [("now", .instant(now)), ("database", databaseValue(database))]
        if case .rule(let id, _) = scope { fields.append(("rule", .string(id))) }
        fields += [
            ("campaigns", .array(campaigns.compactMap { campaign($0, scope) })),
            ("actions", counts.map { counts in .object(ActionRecord.State.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }) } ?? .null),
            ("channels", health.map { health in .array(health.map { h in
                .object([("campaign", .string(h.campaign)), ("channel", .string(h.channel)), ("pending", .int(h.pending)),
                         ("delivered", .int(h.delivered)), ("dead", .int(h.dead)), ("last_error", .maybe(h.lastError)),
                         ("healthy", .bool(h.dead == 0 && h.lastError == nil))])
            }) } ?? .null),
            ("dead_letters", dead.map { dead in .array(dead.map { d in
                .object([("id", .string(d.actionID)), ("channel", .string(d.channel)), ("attempts", .int(d.attempts)),
                         ("error", .maybe(d.lastError))])
            }) } ?? .null),
            ("quarantined", .array(quarantined.map { q in
                .object([("file", .string(q.path)), ("campaign", .maybe(q.running)), ("running", .bool(q.running != nil)),
                         ("since", .instant(q.since)), ("errors", diagnostics(q.diagnostics))])
            })),
            ("reload_error", failure.map { f in .object([("at", .instant(f.at)), ("errors", diagnostics(f.diagnostics))]) } ?? .null),
        ]
        return .object(fields)
    }

    /// `{"state": "ok"}`, or `unavailable` with the error and since when.
    static func databaseValue(_ state: StoreHealth.State) -> JSONValue {
        switch state {
        case .up: return .object([("state", .string("ok"))])
        case .lost(let since, let reason):
            return .object([("state", .string("unavailable")), ("error", .string(reason)), ("since", .instant(since))])
        }
    }

    /// Each diagnostic with its position and its `file:line:column: message` line.
    static func diagnostics(_ list: [Diagnostic]) -> JSONValue {
        .array(list.map { d in
            .object([("file", .string(d.file)), ("line", .int(d.line)), ("column", .int(d.column)),
                     ("message", .string(d.message)), ("hint", .maybe(d.hint)),
                     ("text", .string("\(d.file):\(d.line):\(d.column): \(d.message)"))])
        })
    }

    /// The campaign in this scope; nil when the scope names a rule it does not have.
    private static func campaign(_ c: CampaignStatus, _ scope: StatusScope) -> JSONValue? {
        let r = c.report
        var rules = r.rules, deadlines = urgent(r.deadlines), forecasts = r.forecasts, timers = c.timers
        var limit = StatusScope.listed
        if case .rule(let id, let only) = scope {
            guard only == nil || only == c.campaign, rules.contains(where: { $0.rule == id }) else { return nil }
            rules = rules.filter { $0.rule == id }
            deadlines = deadlines.filter { $0.record.rule == id }
            forecasts = forecasts.filter { $0.rule == id }
            timers = timers.filter { $0.rule == id }
            limit = Int.max
        }
        let open = Dictionary(grouping: r.deadlines.filter { !$0.record.missed }, by: \.record.rule).mapValues(\.count)
        let pending = Dictionary(grouping: c.timers, by: \.rule).mapValues(\.count)
        return .object([
            ("campaign", .string(c.campaign)), ("title", .string(c.title)), ("judged_through", .instant(c.judgedThrough)),
            ("entries", .int(r.entries)), ("silences", .int(r.silences)),
            ("rules", .array(rules.map { rule in
                .object([("rule", .string(rule.rule)), ("lines", .array(rule.lines.map { .string($0) })),
                         ("open_deadlines", .int(open[rule.rule] ?? 0)), ("timers", .int(pending[rule.rule] ?? 0))])
            })),
            ("pacing", .array(r.pacing.map { .string($0) })),
            ("deadlines", .array(deadlines.prefix(limit).map { d in
                .object([("number", .int(d.record.number)), ("demand", .string(d.record.demand)), ("target", .string(d.record.target)),
                         ("rule", .string(d.record.rule)), ("due", .instant(d.record.due)), ("missed", .bool(d.record.missed)),
                         ("sentence", .string(d.sentence))])
            })),
            ("deadlines_total", .int(deadlines.count)),
            ("forecasts", .array(forecasts.map { .string($0.sentence) })),
            ("timers", .array(timers.prefix(limit).map { t in
                .object([("at", .instant(t.at)), ("kind", .string(t.kind)), ("rule", .string(t.rule)), ("detail", .string(t.detail))])
            })),
            ("timers_total", .int(timers.count)),
            ("notes", .array(r.notes.suffix(20).map { .string($0) })),
        ])
    }

    /// Unanswered deadlines, most urgent first: the open ones by due date, then the missed ones, latest first.
    private static func urgent(_ lines: [StatusReport.DeadlineLine]) -> [StatusReport.DeadlineLine] {
        lines.sorted { a, b in
            if a.record.missed != b.record.missed { return !a.record.missed }
            if a.record.due != b.record.due { return a.record.missed ? a.record.due > b.record.due : a.record.due < b.record.due }
            return a.record.number < b.record.number
        }
    }
}
