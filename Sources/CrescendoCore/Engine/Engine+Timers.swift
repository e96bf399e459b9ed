extension Engine {
    /// Every timer still pending, earliest first (ties in the order they were set).
    ///
    /// Stale `for:` holds (cancelled since they were set) are left out: they would do nothing.
    public var pendingTimers: [PendingTimer] {
        timers.sorted.compactMap { at, timer in
            switch timer {
            case .start:
                return PendingTimer(at: at, kind: "start", rule: "", detail: "the campaign starts")
            case .hold(let slot, let key, let generation):
                let st = thresholds[slot]
                guard key < st.keys.count, st.keys[key].active, st.keys[key].generation == generation else { return nil }
                return PendingTimer(at: at, kind: "hold", rule: ruleID(st.rule), detail: "\(measureLabel(slot, key: key)) must hold until then")
            case .deadlineDue(let n):
                let d = deadlines[n - 1]
                return PendingTimer(at: at, kind: "deadline", rule: d.rule, detail: "deadline \(n) (\(d.target) on \(d.demand)) is due")
            case .schedule(let r):
                return PendingTimer(at: at, kind: "schedule", rule: ruleID(r), detail: "scheduled firing")
            case .window(let r):
                return PendingTimer(at: at, kind: "window", rule: ruleID(r), detail: "window edge")
            case .action(let r, let index, _):
                return PendingTimer(at: at, kind: "action", rule: ruleID(r), detail: "delayed action \(index + 1)")
            case .followUp(let r, let index, _, _, _, _):
                return PendingTimer(at: at, kind: "follow_up", rule: ruleID(r), detail: "follow-up \(index + 1)")
            case .release:
                guard let g = deferred else { return nil }
                return PendingTimer(at: at, kind: "release", rule: ruleID(g.rule), detail: "\(g.count) deferred escalation request(s)")
            }
        }
    }
}
