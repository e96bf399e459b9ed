/// Threshold triggers (`sum`, `count`, `indicator`): edges, holds and their labels.
extension Engine {
    /// Re-judges each threshold whose measure changed at this instant.
    mutating func evaluateThresholds(at t: Instant) {
        // Index loops: iterating the arrays themselves would retain them on every entry.
        for a in 0..<aggregators.count where !aggregators[a].dirty.isEmpty {
            for d in 0..<aggregators[a].dirty.count {
                let k = aggregators[a].dirty[d]
                // Only a threshold whose limit lies between the old and new value can change.
                // The explained rule is judged every time, for its trace.
                if explainRule != nil {
                    let v = aggregators[a].value(k)
                    for r in 0..<aggregators[a].rules.count { edge(aggregators[a].rules[r], key: k, value: v, at: t) }
                    continue
                }
                guard let (old, v) = aggregators[a].judge(k) else { continue }
                for r in 0..<aggregators[a].rules.count where aggregators[a].crosses(r, from: old, to: v) {
                    edge(aggregators[a].rules[r], key: k, value: v, at: t)
                }
            }
            aggregators[a].clearDirty()
        }
        if dirtyIndicatorOrder.isEmpty { return }
        for name in dirtyIndicatorOrder {
            guard let v = indicatorValues[name] else { continue }
            for slot in indicatorRules[name] ?? [] { edge(slot, key: 0, value: v, at: t) }
        }
        dirtyIndicators.removeAll(keepingCapacity: true)
        dirtyIndicatorOrder.removeAll(keepingCapacity: true)
    }

    /// Rising and falling edges of one threshold key; a rise fires now or starts a hold.
    mutating func edge(_ slot: Int, key k: Int, value v: Double, at t: Instant) {
        // Fields, not a method of the element: calling one may copy the element whole.
        let holds = thresholds[slot].threshold.comparison.holds(v)
        if thresholds[slot].keys.count <= k {
            thresholds[slot].keys.append(contentsOf: repeatElement(ThresholdState.Key(), count: k + 1 - thresholds[slot].keys.count))
        }
        let state = thresholds[slot].keys[k]
        let r = thresholds[slot].rule
        if holds == state.active {
            if explainRule == r {
                let label = measureLabel(slot, key: k)
                note(r, t, "\(label) is \(formatNumber(v)), still \(holds ? "" : "not ")\(thresholds[slot].threshold.comparison)")
            }
            return
        }
        let hold = thresholds[slot].holdSeconds
        if holds {
            thresholds[slot].keys[k].active = true
            thresholds[slot].keys[k].since = t
            if hold > 0 {
                timers.insert(.hold(slot: slot, key: k, generation: state.generation), at: t + TimeSpan(seconds: hold))
                if explainRule == r {
                    let label = measureLabel(slot, key: k)
                    note(r, t, "\(label) rose to \(formatNumber(v)), \(thresholds[slot].threshold.comparison); must hold until \(t + TimeSpan(seconds: hold))")
                }
            } else {
                let label = measureLabel(slot, key: k)
                let f = Firing(rule: r, at: t, because: "\(label) rose to \(formatNumber(v)), \(thresholds[slot].threshold.comparison)",
                               per: perKey(slot, k))
                enqueue(.firing(f), phase: 0, rule: r)
            }
        } else {
            thresholds[slot].keys[k].active = false
            thresholds[slot].keys[k].since = nil
            thresholds[slot].keys[k].generation += 1
            if explainRule == r {
                let label = measureLabel(slot, key: k)
                note(r, t, "\(label) fell to \(formatNumber(v)), no longer \(thresholds[slot].threshold.comparison)"
                     + (hold > 0 && state.since != nil ? "; the hold since \(state.since!) is broken" : ""))
            }
        }
    }

    /// The `per` dimension and key a threshold key stands for.
    func perKey(_ slot: Int, _ k: Int) -> (Dimension, String)? {
        let st = thresholds[slot]
        guard let a = st.aggregator, let per = st.threshold.per else { return nil }
        return (per, aggregators[a].keys[k])
    }

    /// "masks over 7d in area a03", "entries over 7d", "infection_rate".
    func measureLabel(_ slot: Int, key k: Int) -> String {
        let st = thresholds[slot]
        let scope = perKey(slot, k).map { " in \($0.0.rawValue) \($0.1)" } ?? ""
        switch st.threshold.measure {
        case .sum(let m, let over): return "\(m) over \(over)\(scope)"
        case .count(let over): return "entries over \(over)\(scope)"
        case .indicator(let name): return name
        }
    }
}
