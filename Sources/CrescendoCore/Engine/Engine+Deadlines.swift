extension Engine {
    /// A response arrives: it answers its deadline (if still unanswered) and may be a win.
    mutating func respond(_ r: Response, at t: Instant) {
        guard r.deadline >= 1, r.deadline <= deadlines.count else {
            notes.append("a response at \(t) names deadline \(r.deadline), which was not open; ignored")
            return
        }
        let i = r.deadline - 1
        guard deadlines[i].answeredAt == nil else {
            notes.append("deadline \(r.deadline) was already answered; the response at \(t) is kept out of the triggers")
            return
        }
        deadlines[i].answeredAt = t
        deadlines[i].response = r.text
        deadlines[i].win = r.win
        let d = deadlines[i]
        for (ri, rule) in campaign.rules.enumerated() where rule.enabled {
            switch rule.trigger {
            case .deadline(.answered, let demand) where demand == nil || demand == d.demand:
                let f = Firing(rule: ri, at: t, because: "deadline \(d.number) (\(d.target) on \(d.demand)) answered: \"\(r.text)\"",
                               deadline: d.number)
                enqueue(.firing(f), phase: 0, rule: ri)
            case .win(let level, let demand) where r.win != nil && (demand == nil || demand == d.demand):
                guard level == .any || level.rawValue == r.win!.rawValue else { continue }
                let f = Firing(rule: ri, at: t, because: "deadline \(d.number) (\(d.target) on \(d.demand)) answered with a \(r.win!.rawValue) win",
                               deadline: d.number)
                enqueue(.firing(f), phase: 0, rule: ri)
            default:
                continue
            }
        }
    }

    /// A deadline comes due: unanswered, it becomes a silence, which rules can count.
    mutating func missDeadline(_ n: Int, at t: Instant) {
        guard n >= 1, n <= deadlines.count, deadlines[n - 1].answeredAt == nil else { return }
        deadlines[n - 1].missed = true
        silences += 1
        let d = deadlines[n - 1]
        let because = "deadline \(n) (\(d.target) on \(d.demand)) came due with no response"
        let briefingRule = campaign.rules.firstIndex { $0.id == d.rule } ?? 0
        let group = d.group.map { ($0.per, $0.key) }
        var o = occurrence("silence", firing: Firing(rule: briefingRule, at: t, because: because, per: group, deadline: n), at: t)
        o.demand = d.demand; o.target = d.target; o.deadline = n; o.due = d.due
        o.text = "\(d.target) has not answered deadline \(n) on \(d.demand)."
        out.append(o)
        for (ri, rule) in campaign.rules.enumerated() where rule.enabled {
            if case .deadline(.missed, let demand) = rule.trigger, demand == nil || demand == d.demand {
                enqueue(.firing(Firing(rule: ri, at: t, because: because, deadline: n)), phase: 0, rule: ri)
            }
        }
        for slot in everySilenceRules { count(slot, by: 1, entry: nil, silence: (Int(silences), d), at: t, live: true) }
    }
}
