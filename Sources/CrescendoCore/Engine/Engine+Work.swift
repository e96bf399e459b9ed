extension Engine {
    /// Runs the instant's work in order: rule actions by rule order, then follow-ups.
    mutating func executeWork(at t: Instant) {
        workCursor = 0
        var guardCount = 0
        while workCursor < work.count {
            let item = work[workCursor]
            workCursor += 1
            firingTactic = nil
            guardCount += 1
            if guardCount > 100_000 { notes.append("more than 100000 steps at \(t); stopped judging that instant"); break }
            switch item.kind {
            case .firing(let f):
                fire(f, at: t)
            case .action(let index, let f):
                perform(campaign.rules[f.rule].actions[index], firing: f, at: t, follows: nil)
            case .followUp(_, let spec, let escalatedAt, let tactic, let per):
                let f = Firing(rule: item.rule, at: t, because: "follows the escalation by \(campaign.rules[item.rule].id) at \(escalatedAt)",
                               per: per, followsAt: escalatedAt)
                firingTactic = tactic
                perform(spec, firing: f, at: t, follows: campaign.rules[item.rule].id)
                firingTactic = nil
            case .release:
                release(at: t)
            }
        }
        work.removeAll(keepingCapacity: true)
        workCursor = 0
    }

    /// A trigger fired: check `if`, then run `do` (delayed items become timers).
    mutating func fire(_ f: Firing, at t: Instant) {
        let rule = campaign.rules[f.rule]
        for c in rule.conditions {
            if let failed = failure(of: c, at: t) {
                note(f.rule, t, "did not fire: \(failed) (trigger: \(f.because))")
                notFired[f.rule, default: 0] += 1
                return
            }
        }
        note(f.rule, t, "fired: \(f.because)")
        fired[f.rule, default: 0] += 1
        // An escalation in this `do` lends its tactic to the actions after it.
        firingTactic = nil
        defer { firingTactic = nil }
        for (j, spec) in rule.actions.enumerated() {
            if spec.delay.seconds > 0 {
                timers.insert(.action(rule: f.rule, index: j, firing: f), at: t + spec.delay)
            } else {
                perform(spec, firing: f, at: t, follows: nil)
            }
        }
        let escalates = rule.actions.contains { if case .escalate = $0.action { return true } else { return false } }
        if !escalates, let then = rule.then { scheduleFollowUps(then, rule: f.rule, from: t, per: f.per) }
    }

    /// Why a condition fails at `t`, or nil when it holds.
    func failure(of c: Condition, at t: Instant) -> String? {
        switch c {
        case .inWindow(let id):
            guard let w = campaign.window(id) else { return "window \(id) is not declared" }
            let (o, cl) = (w.opens(in: campaign.zone), w.closes(in: campaign.zone))
            return (o <= t && t < cl) ? nil : "not in window \(id) (\(w.from) to \(w.to))"
        case .notInWindow(let id):
            guard let w = campaign.window(id) else { return nil }
            let (o, cl) = (w.opens(in: campaign.zone), w.closes(in: campaign.zone))
            return (o <= t && t < cl) ? "in window \(id) (\(w.from) to \(w.to))" : nil
        case .indicator(let name, let cmp):
            guard let v = indicatorValues[name] else { return "\(name) has no value yet" }
            return cmp.holds(v) ? nil : "\(name) is \(formatNumber(v)), not \(cmp)"
        case .entriesAtLeast(let n):
            return entryCount >= n ? nil : "the ledger has \(entryCount) entries, fewer than \(n)"
        }
    }

    /// `then:` (or `decompression:`) after a firing of rule `r`; `per` is the firing's key.
    mutating func scheduleFollowUps(_ specs: [ActionSpec], rule r: Int, from t: Instant, tactic: String? = nil, per: (Dimension, String)?) {
        for (j, s) in specs.enumerated() {
            if s.delay.seconds > 0 {
                timers.insert(.followUp(rule: r, index: j, spec: s, escalatedAt: t, tactic: tactic, per: per), at: t + s.delay)
            } else {
                enqueue(.followUp(index: j, spec: s, escalatedAt: t, tactic: tactic, per: per), phase: 1, rule: r)
            }
        }
    }

    /// Carries out one action.
    mutating func perform(_ spec: ActionSpec, firing f: Firing, at t: Instant, follows: String?) {
        var o = occurrence(spec.action.name, firing: f, at: t)
        if let tactic = firingTactic { o.context["tactic"] = tactic }
        o.follows = follows
        o.channel = spec.channel
        switch spec.action {
        case .escalate(let ladder):
            requestEscalation(ladder: ladder, channel: spec.channel, firing: f, follows: follows, at: t)
            return
        case .briefing(let demandID, let length, let to):
            let d = campaign.demand(demandID)
            let n = deadlines.count + 1
            let target = to ?? d?.target ?? demandID
            let due = length.due(after: t, in: campaign.zone, calendar: campaign.calendar)
            deadlines.append(DeadlineRecord(number: n, demand: demandID, target: target, opened: t, due: due,
                                            rule: campaign.rules[f.rule].id, missed: false, group: o.group))
            timers.insert(.deadlineDue(number: n), at: due)
            o.demand = demandID; o.target = target; o.deadline = n; o.due = due
            o.text = "People's Briefing to \(target): \(d?.text ?? demandID). Deadline \(n) is due \(campaign.zone.short(due))."
            addDemand(demandID, target: target, to: &o.context)
            addDeadline(deadlines[n - 1], at: t, to: &o.context)
        case .ritual(let kind, let text):
            o.kind = kind; o.text = text
        case .publish(let template):
            o.template = template
            o.text = render(template, o.context)
        case .notify(let channel, let text, let template):
            o.channel = spec.channel ?? channel
            o.template = template
            o.text = text ?? template.flatMap { render($0, o.context) }
        case .rapidResponse(let team, let text):
            o.team = team; o.text = text
        }
        out.append(o)
    }

    func render(_ template: String, _ context: TemplateContext) -> String? {
        options.renderer?.render(template: template, context: context)
    }
}
