extension Engine {
    /// An escalation request: it joins a waiting one, happens, waits (`defer`) or is
    /// suppressed (`skip`).
    mutating func requestEscalation(ladder: String?, channel: String?, firing f: Firing, follows: String?, at t: Instant) {
        let request = EscalationRequest(at: t, rule: ruleID(f.rule))
        if deferred != nil {
            deferred!.count += 1
            deferred!.requests.append(request)
            let until = deferred!.releaseAt
            note(f.rule, t, "escalation request joins the one waiting until \(until)")
            return
        }
        if let (at, index) = releasedNow, at == t {
            out[index].coalesced = (out[index].coalesced ?? 1) + 1
            out[index].requests.append(request)
            note(f.rule, t, "escalation request joins the deferred escalation happening now")
            return
        }
        if let block = blockage(at: t) {
            switch campaign.pacing.whenBlocked {
            case .defer:
                deferred = DeferredGroup(releaseAt: block.until, firstRequest: t, rule: f.rule, firing: f, ladder: ladder,
                                         channel: channel, count: 1, reason: block.reason, requests: [request])
                timers.insert(.release, at: block.until)
                note(f.rule, t, "held back by pacing (\(block.reason)); deferred to \(block.until)")
            case .skip:
                var o = occurrence("escalate", firing: f, at: t)
                o.channel = channel
                o.follows = follows
                o.suppressed = true
                o.reason = block.reason
                o.requests = [request]
                out.append(o)
                note(f.rule, t, "suppressed by pacing: \(block.reason)")
            }
            return
        }
        escalate(rule: f.rule, firing: f, ladder: ladder, channel: channel, follows: follows, requests: [request], deferredFrom: nil, at: t)
    }

    /// When pacing blocks an escalation at `t`: why, and the earliest instant it no longer does.
    func blockage(at t: Instant) -> (reason: String, until: Instant)? {
        var until = t
        var reasons: [String] = []
        let p = campaign.pacing
        if let c = p.cooldown, c.seconds > 0, let last = lastEscalation, last + c > t {
            until = max(until, last + c)
            reasons.append("cool-down of \(c) after the escalation at \(last)")
        }
        if let n = p.limitCount, n > 0, let per = p.limitPer, escalationHistory.count >= n {
            let x = escalationHistory[escalationHistory.count - n]
            if x + per > t {
                until = max(until, x + per)
                reasons.append("limit of \(n) escalation\(n == 1 ? "" : "s") per \(per) reached")
            }
        }
        return until > t ? (reasons.joined(separator: "; "), until) : nil
    }

    /// The escalation happens: next tactic, pacing history, follow-ups.
    mutating func escalate(rule r: Int, firing f: Firing, ladder: String?, channel: String?, follows: String?,
                           requests: [EscalationRequest], deferredFrom: Instant?, at t: Instant) {
        var o = occurrence("escalate", firing: f, at: t)
        o.requests = requests
        o.channel = channel
        o.follows = follows
        if let l = ladder.flatMap({ campaign.ladder($0) }) ?? (ladder == nil && campaign.ladders.count == 1 ? campaign.ladders[0] : nil) {
            let n = ladderCounts[l.id] ?? 0
            ladderCounts[l.id] = n + 1
            if let tactic = l.tactic(forEscalation: n) {
                o.tactic = tactic.id
                o.tacticText = tactic.text
                o.text = tactic.text
                o.context["tactic"] = tactic.text
            }
        }
        if requests.count > 1 { o.coalesced = requests.count }
        if let from = deferredFrom {
            o.deferredFrom = from
            o.because += "; deferred from \(from) by pacing"
        }
        lastEscalation = t
        escalationHistory.append(t)
        if let n = campaign.pacing.limitCount, escalationHistory.count > max(n, 1) {
            escalationHistory.removeFirst(escalationHistory.count - max(n, 1))
        }
        out.append(o)
        note(r, t, "escalated" + (o.tactic.map { " with tactic \($0)" } ?? ""))
        firingTactic = o.tacticText
        scheduleFollowUps(campaign.rules[r].then ?? campaign.decompression, rule: r, from: t, tactic: o.tacticText, per: f.per)
    }

    /// The waiting escalation happens, standing for every request that joined it.
    mutating func release(at t: Instant) {
        guard let g = deferred, g.releaseAt == t else { return }
        deferred = nil
        escalate(rule: g.rule, firing: g.firing, ladder: g.ladder, channel: g.channel, follows: nil, requests: g.requests,
                 deferredFrom: g.firstRequest, at: t)
        releasedNow = (t, out.count - 1)
    }
}
