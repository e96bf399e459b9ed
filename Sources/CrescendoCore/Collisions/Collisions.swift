/// Finds what works against a campaign's own structure in a dry run's actions (see
/// `Collision.Kind`), in order of when each was asked for. Pure: the actions, the deadlines'
/// records and the campaign are all it reads.
///
/// A window is open from its opening (local 00:00 of `from`) until its closing (local 00:00 of
/// the day after `to`), as for `in_window`: something at the closing instant is after it.
public struct Collisions {
    let campaign: Campaign
    let actions: [Occurrence]
    var zone: Zone { campaign.zone }

    public init(campaign: Campaign, actions: [Occurrence]) {
        self.campaign = campaign; self.actions = actions
    }

    /// Every collision, by `requestedAt`, then kind (in `Collision.Kind`'s order), then rule.
    public func find() -> [Collision] {
        let found = pacing() + deadlines() + quietHours() + rituals()
        let order = Dictionary(uniqueKeysWithValues: Collision.Kind.allCases.enumerated().map { ($1, $0) })
        return found.enumerated().sorted {
            let (a, b) = ($0.element, $1.element)
            return (a.requestedAt, order[a.kind]!, a.rule, $0.offset) < (b.requestedAt, order[b.kind]!, b.rule, $1.offset)
        }.map(\.element)
    }

    /// The windows open at `t`.
    func windows(at t: Instant) -> [Window] {
        campaign.windows.filter { $0.opens(in: zone) <= t && t < $0.closes(in: zone) }
    }

    func short(_ t: Instant) -> String { zone.short(t) }

    func span(_ w: Window) -> String { "\(w.id) (\(w.from) to \(w.to))" }

    /// Escalations that pacing held past a window (or suppressed in one), and requests it merged.
    func pacing() -> [Collision] {
        var out: [Collision] = []
        for o in actions where o.action == "escalate" {
            for w in campaign.windows {
                let inside = o.requests.filter { w.opens(in: zone) <= $0.at && $0.at < w.closes(in: zone) }
                guard let first = inside.first else { continue }
                let asked = inside.count == 1 ? "requested by \(first.rule) at \(short(first.at))"
                    : "requested \(inside.count) times from \(short(first.at)) (first by \(first.rule))"
                if o.suppressed {
                    out.append(Collision(kind: .deferredPastWindow, rule: first.rule, window: w.id, requestedAt: first.at, at: nil,
                                         because: "an escalation \(asked), inside \(span(w)), was suppressed by pacing (\(o.reason ?? "blocked")), so it never happened"))
                } else if o.at >= w.closes(in: zone) {
                    out.append(Collision(kind: .deferredPastWindow, rule: first.rule, window: w.id, requestedAt: first.at, at: o.at,
                                         because: "an escalation \(asked), inside \(span(w)), was deferred by pacing to \(short(o.at)), after the window closed at \(short(w.closes(in: zone)))"))
                }
            }
            guard !o.suppressed, o.requests.count > 1, let first = o.requests.first else { continue }
            for r in o.requests.dropFirst() {
                out.append(Collision(kind: .coalescedAway, rule: r.rule, requestedAt: r.at, at: o.at,
                                     because: "the escalation requested by \(r.rule) at \(short(r.at)) was merged into the one \(first.rule) requested at \(short(first.at)), which happened at \(short(o.at)): \(o.requests.count) requests, one escalation"))
            }
        }
        return out
    }

    /// Deadlines due after the window their briefing was made in, or on a day that is not a
    /// business day.
    func deadlines() -> [Collision] {
        var out: [Collision] = []
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        for o in actions where o.action == "briefing" {
            guard let due = o.due, let n = o.deadline else { continue }
            let who = "deadline \(n) (\(o.target ?? "the target") on \(o.demand ?? "the demand"))"
            for w in windows(at: o.at) where due >= w.closes(in: zone) {
                out.append(Collision(kind: .deadlineAfterWindow, rule: o.rule, window: w.id, requestedAt: o.at, at: due,
                                     because: "\(who), briefed at \(short(o.at)) inside \(span(w)), comes due at \(short(due)), after the window closed at \(short(w.closes(in: zone)))"))
            }
            let date = zone.local(due).date
            if !campaign.calendar.isBusinessDay(date) {
                let what = campaign.calendar.holidays.contains(date) ? "a holiday" : "a weekend day"
                out.append(Collision(kind: .deadlineOnClosedDay, rule: o.rule, requestedAt: o.at, at: due,
                                     because: "\(who), briefed at \(short(o.at)), comes due on \(days[date.isoWeekday - 1]) \(date), \(what) of the campaign's calendar"))
            }
        }
        return out
    }

    /// Follow-up rituals that come after the next escalation already happened.
    func rituals() -> [Collision] {
        let escalations = actions.filter { $0.action == "escalate" && !$0.suppressed }.map(\.at)
        var out: [Collision] = []
        for o in actions where o.action == "ritual" {
            guard let after = o.followsAt, let next = escalations.first(where: { $0 > after }), next <= o.at else { continue }
            let cooldown = campaign.pacing.cooldown.map { next + $0 > o.at ? ", inside its cool-down (until \(short(next + $0)))" : "" } ?? ""
            out.append(Collision(kind: .ritualAfterNextEscalation, rule: o.rule, requestedAt: after, at: o.at,
                                 because: "the \(o.kind ?? "ritual") ritual following the escalation at \(short(after)) comes at \(short(o.at)), after the next escalation at \(short(next))\(cooldown)"))
        }
        return out
    }
}
