extension Engine {
    /// Indexes the rules by what can fire them.
    mutating func setUpRules() {
        let n = campaign.rules.count
        everySlot = Array(repeating: -1, count: n)
        thresholdSlot = Array(repeating: -1, count: n)
        everyMetricRules = Array(repeating: [], count: campaign.metrics.count)
        for (i, rule) in campaign.rules.enumerated() where rule.enabled {
            switch rule.trigger {
            case .every(let step, let counted, let filter, let per):
                let slot = every.count
                switch counted {
                case .entries:
                    every.append(EveryState(rule: i, step: step, per: per, filter: filter))
                    everyEntryRules.append(slot)
                case .metric(let m):
                    every.append(EveryState(rule: i, step: step * 1000, per: per, filter: filter))
                    if let mi = metricIndex[m] { everyMetricRules[mi].append(slot) }
                case .silences:
                    every.append(EveryState(rule: i, step: step, per: per, filter: filter))
                    everySilenceRules.append(slot)
                }
                everySlot[i] = slot
            case .threshold(let th):
                let slot = thresholds.count
                thresholdSlot[i] = slot
                switch th.measure {
                case .indicator(let name):
                    indicatorRules[name, default: []].append(slot)
                    thresholds.append(ThresholdState(rule: i, threshold: th, aggregator: nil))
                case .sum(let metric, let over):
                    let a = aggregator(metric: metric, over: over, th, slot: slot)
                    thresholds.append(ThresholdState(rule: i, threshold: th, aggregator: a))
                case .count(let over):
                    let a = aggregator(metric: nil, over: over, th, slot: slot)
                    thresholds.append(ThresholdState(rule: i, threshold: th, aggregator: a))
                }
            default:
                break
            }
        }
    }

    /// The aggregator for a measure, shared by every threshold that measures the same thing.
    private mutating func aggregator(metric: String?, over: TimeSpan, _ th: Threshold, slot: Int) -> Int {
        let spec = Aggregator.Spec(metric: metric, over: over.seconds, per: th.per, filter: th.filter)
        if let i = aggregators.firstIndex(where: { $0.spec == spec }) {
            aggregators[i].addRule(slot: slot, comparison: th.comparison)
            return i
        }
        var a = Aggregator(spec: spec, metricIndex: metric.flatMap { metricIndex[$0] } ?? -1)
        if let per = th.per, !perDimensions.contains(per) { perDimensions.append(per) }
        switch th.per {
        case .area?: for x in campaign.areas { a.key(x.id) }
        case .demand?: for x in campaign.demands { a.key(x.id) }
        case .kind?: for x in campaign.metrics where metric == nil || x.id == metric { a.key(x.id) }
        case nil: break
        }
        a.addRule(slot: slot, comparison: th.comparison)
        aggregators.append(a)
        return aggregators.count - 1
    }

    /// At the start: judge every threshold afresh and set the calendar timers.
    mutating func begin(at t: Instant) {
        started = true
        for a in aggregators.indices { aggregators[a].markAllDirty() }
        for name in indicatorRules.keys.sorted() { markIndicatorDirty(name) }
        for (i, rule) in campaign.rules.enumerated() where rule.enabled {
            switch rule.trigger {
            case .schedule(let s):
                if let next = s.next(after: t - TimeSpan(seconds: 1), in: campaign.zone) { timers.insert(.schedule(rule: i), at: next) }
            case .window(let id, let edge, let offset):
                guard let w = campaign.window(id) else { continue }
                let at = (edge == .open ? w.opens(in: campaign.zone) : w.closes(in: campaign.zone)) + offset
                if at >= t { timers.insert(.window(rule: i), at: at) }
            default:
                break
            }
        }
    }

    mutating func markIndicatorDirty(_ name: String) {
        if !dirtyIndicators.contains(name) { dirtyIndicators.insert(name); dirtyIndicatorOrder.append(name) }
    }
}
