extension Engine {
    /// The most milestones of one `every:` rule a single fact fires. An entry whose quantity
    /// passes more (999,999 hours against `every: 1`) fires the first 1,000; the total still
    /// counts all of it. Without a bound, one typed number could make the engine stall.
    static let maxMilestonesPerFact: Int64 = 1000

    /// Judges one instant: applies its facts and window exits, re-evaluates what changed, runs
    /// what is due, and emits the actions in order.
    mutating func judge(_ t: Instant, into sink: inout [Occurrence]) {
        let live = t >= start
        // The instant's facts were applied as they were recorded.
        if pendingAt == t { pendingAt = nil }
        for a in 0..<aggregators.count where aggregators[a].nextExit <= t.seconds {
            aggregators[a].expire(through: t.seconds)
        }
        processedThrough = t
        guard live else {
            for a in aggregators.indices { aggregators[a].clearDirty() }
            dirtyIndicators.removeAll(keepingCapacity: true); dirtyIndicatorOrder.removeAll(keepingCapacity: true)
            return
        }
        // Timers are taken out before thresholds are judged (the start judges every threshold),
        // and run after, so that a hold broken at this instant is already cancelled.
        var due: [Timer] = []
        if let next = timers.nextDue, next <= t {
            while let (_, timer) = timers.popDue(atOrBefore: t) {
                if case .start = timer { begin(at: t) } else { due.append(timer) }
            }
        }
        evaluateThresholds(at: t)
        for timer in due { handle(timer, at: t) }
        executeWork(at: t)
        releasedNow = nil
        if !out.isEmpty {
            if quiet { for i in out.indices { campaign.planDelivery(of: &out[i]) } }
            sink.append(contentsOf: out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Applies a ledger entry: numbers it (`entryCount`), and updates totals, windows and
    /// `every:` counters. The entry itself is not copied: a firing numbers its own copy.
    mutating func apply(entry e: LedgerEntry, keys: EntryKeys = .unknown, at t: Instant, live: Bool) {
        assert(keys.metric < 0 || campaign.metrics[Int(keys.metric)].id == e.kind, "entry keys from another campaign")
        assert(keys.area < 0 || campaign.areas[Int(keys.area)].id == e.area, "entry keys from another campaign")
        assert(keys.demand < 0 || campaign.demands[Int(keys.demand)].id == e.demand, "entry keys from another campaign")
        entryCount += 1
        let mi = keys.metric >= 0 ? Int(keys.metric) : metricIndex[e.kind] ?? -1
        if mi >= 0 {
            metricTotals[mi] = metricTotals[mi].addingSaturating(e.quantity.milli)
            for i in 0..<everyMetricRules[mi].count { countEntry(everyMetricRules[mi][i], by: e.quantity.milli, e, at: t, live: live) }
        }
        daily.add(e)
        if !aggregators.isEmpty {
            var ids = (area: -1, demand: -1, kind: -1)
            for d in perDimensions {
                switch d {
                case .area: ids.area = keys.area >= 0 ? Int(keys.area) : e.area.map { dimensionID(.area, $0) } ?? -1
                case .demand: ids.demand = keys.demand >= 0 ? Int(keys.demand) : e.demand.map { dimensionID(.demand, $0) } ?? -1
                case .kind: ids.kind = mi >= 0 ? mi : dimensionID(.kind, e.kind)
                }
            }
            for a in 0..<aggregators.count {
                let perID: Int
                switch aggregators[a].spec.per {
                case .area?: perID = ids.area
                case .demand?: perID = ids.demand
                case .kind?: perID = ids.kind
                case nil: perID = -1
                }
                aggregators[a].add(e, metricIndex: mi, perID: perID)
            }
        }
        for i in 0..<everyEntryRules.count { countEntry(everyEntryRules[i], by: 1, e, at: t, live: live) }
    }

    /// A small id for a value of a dimension, the same for every aggregator.
    mutating func dimensionID(_ d: Dimension, _ v: String) -> Int {
        let slot = d == .area ? 0 : d == .demand ? 1 : 2
        if let id = dimensionIDs[slot][v] { return id }
        let id = dimensionIDs[slot].count
        dimensionIDs[slot][v] = id
        return id
    }

    mutating func apply(_ fact: Fact, at t: Instant, live: Bool) {
        switch fact {
        case .entry(let e):
            apply(entry: e, at: t, live: live)
        case .indicator(let s):
            indicatorValues[s.name] = s.value
            if indicatorRules[s.name] != nil { markIndicatorDirty(s.name) }
        case .response(let r):
            if live { respond(r, at: t) } else { notes.append("response to deadline \(r.deadline) at \(t) came before the start and was ignored") }
        }
    }

    /// Counts an entry towards an `every:` rule. The common case (`every: N` over the whole
    /// ledger) is one addition and one comparison, with no copy of the entry.
    @inline(__always)
    mutating func countEntry(_ slot: Int, by amount: Int64, _ e: LedgerEntry, at t: Instant, live: Bool) {
        if every[slot].simple {
            let before = every[slot].total
            let total = before.addingSaturating(amount)
            every[slot].total = total
            if amount >= 0 && total < every[slot].nextMultiple { return }
            let step = every[slot].step
            let next = (total / step + 1).multipliedReportingOverflow(by: step)
            every[slot].nextMultiple = total >= 0 ? (next.overflow ? .max : next.partialValue) : .min
            if !live || total / step == before / step { return }
            every[slot].total = before  // counted again, with its firings, below
        }
        count(slot, by: amount, entry: e, at: t, live: live)
    }

    /// Advances an `every:` counter and fires once per multiple reached or passed.
    mutating func count(_ slot: Int, by amount: Int64, entry: LedgerEntry?, silence: (number: Int, deadline: DeadlineRecord)? = nil,
                        at t: Instant, live: Bool) {
        // Fields are read and written in place: a copy of the state would make its per-key
        // dictionary copy itself on every entry.
        let step = every[slot].step
        let per = every[slot].per
        if every[slot].filtered {
            if let e = entry, !every[slot].filter.matches(e) { return }
            if let d = silence?.deadline, let want = every[slot].filter.demand, want != d.demand { return }
        }
        var key: String?
        if let per {
            if let e = entry { key = e.value(per) } else if per == .demand { key = silence?.deadline.demand }
            guard key != nil else { return }
        }
        let before: Int64
        if let k = key {
            before = every[slot].perKey[k] ?? 0
            every[slot].perKey[k] = before.addingSaturating(amount)
        } else {
            before = every[slot].total
            every[slot].total = before.addingSaturating(amount)
        }
        guard live else { return }
        let crossings = min(before.addingSaturating(amount) / step - before / step, Self.maxMilestonesPerFact)
        guard crossings > 0 else { return }
        let r = every[slot].rule
        var numbered = entry
        numbered?.seq = entryCount
        for j in 1...crossings {
            let milestone = (before / step + j) * step
            var f = Firing(rule: r, at: t, because: "", per: key.map { (per!, $0) }, entry: numbered, deadline: silence?.deadline.number)
            f.because = everyBecause(slot, milestone: milestone, key: key, entry: numbered, silence: silence)
            enqueue(.firing(f), phase: 0, rule: r)
        }
    }

    private func everyBecause(_ slot: Int, milestone: Int64, key: String?, entry: LedgerEntry?,
                              silence: (number: Int, deadline: DeadlineRecord)?) -> String {
        let st = every[slot]
        let r = st.rule
        let scope = key.map { " in \(st.per!.rawValue) \($0)" } ?? ""
        switch campaign.rules[r].trigger {
        case .every(let n, .metric(let m), _, _):
            return "\(m) total\(scope) reached \(Quantity(milli: milestone)) at entry \(entry?.seq ?? 0) (every \(n) \(m))"
        case .every(let n, .silences, _, _):
            return "silence \(milestone)\(scope) (deadline \(silence?.deadline.number ?? 0)) reached every \(n) silences"
        case .every(let n, _, _, _):
            if key == nil && st.filter.isEmpty { return "entry \(entry?.seq ?? 0) reached every \(n) entries" }
            return "entry \(entry?.seq ?? 0) was number \(milestone) of the matching entries\(scope), reaching every \(n)"
        default:
            return ""
        }
    }

    /// Runs a timer that came due.
    mutating func handle(_ timer: Timer, at t: Instant) {
        switch timer {
        case .start:
            break
        case .hold(let slot, let k, let generation):
            let st = thresholds[slot]
            guard k < st.keys.count else { return }
            let key = st.keys[k]
            guard key.active, key.generation == generation, let since = key.since else { return }
            let f = Firing(rule: st.rule, at: t, because: "\(measureLabel(slot, key: k)) \(st.threshold.comparison) since \(since), held for \(st.threshold.hold ?? .zero)",
                           per: perKey(slot, k))
            enqueue(.firing(f), phase: 0, rule: st.rule)
        case .deadlineDue(let n):
            missDeadline(n, at: t)
        case .schedule(let r):
            guard case .schedule(let s) = campaign.rules[r].trigger else { return }
            enqueue(.firing(Firing(rule: r, at: t, because: "scheduled \(scheduleLabel(s))")), phase: 0, rule: r)
            if let next = s.next(after: t, in: campaign.zone) { timers.insert(.schedule(rule: r), at: next) }
        case .window(let r):
            guard case .window(let id, let edge, let offset) = campaign.rules[r].trigger else { return }
            let what = edge == .open ? "opens" : "closes"
            let off = offset.seconds == 0 ? "" : " (offset \(offset))"
            let edgeAt = t - offset
            enqueue(.firing(Firing(rule: r, at: t, because: "window \(id) \(what) at \(edgeAt)\(off)")), phase: 0, rule: r)
        case .action(let r, let index, let firing):
            enqueue(.action(index: index, firing: firing), phase: 0, rule: r)
        case .followUp(let r, let index, let spec, let escalatedAt, let tactic, let per):
            enqueue(.followUp(index: index, spec: spec, escalatedAt: escalatedAt, tactic: tactic, per: per), phase: 1, rule: r)
        case .release:
            guard let g = deferred else { return }
            enqueue(.release, phase: 0, rule: g.rule)
        }
    }

    func scheduleLabel(_ s: Schedule) -> String {
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        switch s {
        case .daily(let at): return "every day at \(at)"
        case .weekly(let on, let at): return "every week on \(days[(on - 1) % 7]) at \(at)"
        case .monthly(let on, let at): return "every month on day \(on) at \(at)"
        case .cron(let c): return "by cron \"\(c.source)\""
        }
    }

    mutating func enqueue(_ kind: WorkItem.Kind, phase: Int, rule: Int) {
        workOrder += 1
        let item = WorkItem(phase: phase, rule: rule, order: workOrder, kind: kind)
        var lo = workCursor, hi = work.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let w = work[mid]
            if (w.phase, w.rule, w.order) < (item.phase, item.rule, item.order) { lo = mid + 1 } else { hi = mid }
        }
        work.insert(item, at: lo)
    }

    mutating func note(_ r: Int, _ t: Instant, _ message: String) {
        guard explainRule == r else { return }
        if trace.count < options.traceLimit {
            trace.append(TraceLine(at: t, rule: campaign.rules[r].id, message: message))
        } else {
            traceDropped += 1
        }
    }
}
