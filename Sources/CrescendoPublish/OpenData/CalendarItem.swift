import CrescendoCore

/// One entry of the public calendar: an action to come (a VEVENT) or a deadline (a VTODO).
public struct CalendarItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A scheduled action or ritual, at `at`.
        case event
        /// A deadline due at `due`; `done` once answered.
        case deadline(due: Instant, done: Instant?)
    }

    /// Stable across runs: the same facts give the same UID.
    public var uid: String
    public var at: Instant
    public var kind: Kind
    /// `briefing`, `escalation`, `ritual`, `publication` or `deadline`.
    public var category: String
    public var summary: String
    public var detail: String

    /// Actions that belong on a public calendar: briefings, escalations that happen (their
    /// tactic is not announced ahead), rituals and scheduled publications. Notifications and
    /// rapid-response call-outs are for organizers only.
    public static func events(_ occurrences: [Occurrence], campaign: Campaign) -> [CalendarItem] {
        let redact = PublicRedactor(campaign: campaign)
        var ordinals: [String: Int] = [:]
        var out: [CalendarItem] = []
        for o in occurrences {
            let key = "\(o.at.seconds)-\(o.rule)-\(o.action)"
            let ordinal = ordinals[key, default: 0]
            ordinals[key] = ordinal + 1
            let demand = o.demand.flatMap(campaign.demand)
            let summary: String, category: String, detail: String
            switch o.action {
            case "briefing":
                category = "briefing"
                summary = "People's Briefing: " + (demand?.text ?? o.demand ?? "")
                detail = "A briefing to \(o.target ?? demand?.target ?? "the target")" + (o.due.map { " with a deadline on \(campaign.zone.short($0))" } ?? "") + "."
            case "escalate" where !o.suppressed:
                category = "escalation"
                summary = "Escalation"
                detail = "An escalation of \(campaign.title); the tactic is announced on the day."
            case "ritual":
                category = "ritual"
                summary = "Ritual: " + redact(o.text ?? o.kind ?? "decompression")
                detail = "A decompression ritual (\(o.kind ?? "ritual")) after an escalation."
            case "publish":
                category = "publication"
                summary = "Publication: " + (o.template ?? "report")
                detail = "The campaign publishes from its “\(o.template ?? "report")” template."
            default:
                continue
            }
            out.append(CalendarItem(uid: "\(o.id(ordinal: ordinal))@\(campaign.id).crescendo", at: o.at, kind: .event,
                                    category: category, summary: summary, detail: detail))
        }
        return out
    }

    /// Every deadline as a to-do due at its due time.
    public static func deadlines(_ records: [DeadlineRecord], campaign: Campaign, now: Instant) -> [CalendarItem] {
        records.map { d in
            let demand = campaign.demand(d.demand)?.text ?? d.demand
            var detail = "Deadline \(d.number) for \(d.target) on \(demand), opened \(campaign.zone.short(d.opened))."
            if d.answeredAt != nil {
                detail += d.win.map { " Answered: a \($0.rawValue) win." } ?? " Answered."
            } else if d.missed || d.due <= now {
                detail += " No response: \(Format.plural((now - d.opened).seconds / 86_400, "day")) of silence."
            }
            return CalendarItem(uid: "deadline-\(d.number)@\(campaign.id).crescendo", at: d.opened,
                                kind: .deadline(due: d.due, done: d.answeredAt), category: "deadline",
                                summary: "Deadline \(d.number): \(d.target) on \(demand)", detail: detail)
        }
    }
}
