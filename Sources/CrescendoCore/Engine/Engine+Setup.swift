extension Engine {
    /// Indexes the rules by what can fire them.
    mutating func setUpRules() {
        let n = campaign.rules.count
        every = Array(repeating: nil, count: n)
        thresholds = Array(repeating: nil, count: n)
        for (i, rule) in campaign.rules.enumerated() where rule.enabled {
            switch rule.trigger {
            case .every(let step, let counted, let filter, let per):
                switch counted {
                case .entries:
                    every[i] = EveryState(step: step, per: per, filter: filter)
                    everyEntryRules.append(i)
                case .metric(let m):
                    every[i] = EveryState(step: step * 1000, per: per, filter: filter)
                    if let mi = metricIndex[m] { everyMetricRules[mi, default: []].append(i) }
                case .silences:
                    every[i] = EveryState(step: step, per: per, filter: filter)
                    everySilenceRules.append(i)
                }
            case .threshold(let th):
                switch th.measure {
                case .indicator(let name):
                    indicatorRules[name, default: []].append(i)
                    thresholds[i] = ThresholdState(threshold: th, aggregator: nil)
                case .sum(let metric, let over):
                    thresholds[i] = ThresholdState(threshold: th, aggregator: aggregator(metric: metric, over: over, th, rule: i))
                case .count(let over):
                    thresholds[i] = ThresholdState(threshold: th, aggregator: aggregator(metric: nil, over: over, th, rule: i))
                }
            default:
                break
            }
        }
    }

    private mutating func aggregator(metric: String?, over: TimeSpan, _ th: Threshold, rule: Int) -> Int {
        let spec = Aggregator.Spec(metric: metric, over: over.seconds, per: th.per, filter: th.filter)
        if let i = aggregators.firstIndex(where: { $0.spec == spec }) {
            aggregators[i].rules.append(rule)
            return i
        }
        var a = Aggregator(spec: spec)
        switch th.per {
        case .area?: for x in campaign.areas { a.key(x.id) }
        case .demand?: for x in campaign.demands { a.key(x.id) }
        case .kind?: for x in campaign.metrics where metric == nil || x.id == metric { a.key(x.id) }
        case nil: break
        }
        a.rules.append(rule)
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
