import CrescendoCore
import CrescendoStore

/// `GET /api/status`: each campaign's "why not yet" and pending timers, channel health, dead
/// letters, action counts and the last failed reload.
enum StatusJSON {
    static func value(campaigns: [CampaignStatus], health: [ChannelHealth], dead: [DeliveryRecord],
                      counts: [ActionRecord.State: Int], failure: ReloadFailure?, now: Instant) -> JSONValue {
        .object([
            ("now", .instant(now)),
            ("campaigns", .array(campaigns.map(campaign))),
            ("actions", .object(ActionRecord.State.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })),
            ("channels", .array(health.map { h in
                .object([("campaign", .string(h.campaign)), ("channel", .string(h.channel)), ("pending", .int(h.pending)),
                         ("delivered", .int(h.delivered)), ("dead", .int(h.dead)), ("last_error", .maybe(h.lastError)),
                         ("healthy", .bool(h.dead == 0 && h.lastError == nil))])
            })),
            ("dead_letters", .array(dead.map { d in
                .object([("id", .string(d.actionID)), ("channel", .string(d.channel)), ("attempts", .int(d.attempts)),
                         ("error", .maybe(d.lastError))])
            })),
            ("reload_error", failure.map { f in
                .object([("at", .instant(f.at)), ("errors", .array(f.diagnostics.map { d in
                    .object([("file", .string(d.file)), ("line", .int(d.line)), ("column", .int(d.column)),
                             ("message", .string(d.message)), ("hint", .maybe(d.hint)),
                             ("text", .string("\(d.file):\(d.line):\(d.column): \(d.message)"))])
                }))])
            } ?? .null),
        ])
    }

    private static func campaign(_ c: CampaignStatus) -> JSONValue {
        let r = c.report
        return .object([
            ("campaign", .string(c.campaign)), ("title", .string(c.title)), ("judged_through", .instant(c.judgedThrough)),
            ("entries", .int(r.entries)), ("silences", .int(r.silences)),
            ("rules", .array(r.rules.map { .object([("rule", .string($0.rule)), ("lines", .array($0.lines.map { .string($0) }))]) })),
            ("pacing", .array(r.pacing.map { .string($0) })),
            ("deadlines", .array(r.deadlines.map { d in
                .object([("number", .int(d.record.number)), ("demand", .string(d.record.demand)), ("target", .string(d.record.target)),
                         ("due", .instant(d.record.due)), ("missed", .bool(d.record.missed)), ("sentence", .string(d.sentence))])
            })),
            ("forecasts", .array(r.forecasts.map { .string($0.sentence) })),
            ("timers", .array(c.timers.map { t in
                .object([("at", .instant(t.at)), ("kind", .string(t.kind)), ("rule", .string(t.rule)), ("detail", .string(t.detail))])
            })),
            ("notes", .array(r.notes.suffix(20).map { .string($0) })),
        ])
    }
}
