extension Engine {
    /// Where every rule stands at `now` (normally the instant judged last).
    public func status(at now: Instant) -> StatusReport {
        var rules: [StatusReport.RuleLine] = []
        var forecasts: [StatusReport.Forecast] = []
        let pendingTimers = timers.sorted
        for (i, rule) in campaign.rules.enumerated() {
            guard rule.enabled else { rules.append(.init(rule: rule.id, lines: ["disabled"])); continue }
            var lines: [String] = []
            switch rule.trigger {
            case .every(let n, let counted, _, let per):
                lines += everyStatus(i, n: n, counted: counted, per: per)
                if case .entries = counted, per == nil, everySlot[i] >= 0, !every[everySlot[i]].filtered,
                   let f = forecast(rule: rule.id, step: n, total: every[everySlot[i]].total, now: now) {
                    forecasts.append(f)
                    lines.append(f.sentence)
                }
            case .threshold:
                lines += thresholdStatus(i, now: now)
            case .window(let id, let edge, let offset):
                if let w = campaign.window(id) {
                    let at = (edge == .open ? w.opens(in: campaign.zone) : w.closes(in: campaign.zone)) + offset
                    lines.append(at > now ? "window \(id) \(edge == .open ? "opens" : "closes"): fires at \(campaign.zone.short(at))"
                                          : "window \(id) edge passed at \(campaign.zone.short(at))")
                }
            case .schedule:
                if let next = pendingTimers.first(where: { if case .schedule(let r) = $0.1 { return r == i } else { return false } }) {
                    lines.append("next at \(campaign.zone.short(next.0))")
                }
            case .deadline(let event, let demand):
                let open = deadlines.filter { $0.answeredAt == nil && (demand == nil || $0.demand == demand) }
                lines.append(event == .missed ? "\(open.filter { !$0.missed }.count) open deadline(s) can still be missed"
                                              : "\(open.count) unanswered deadline(s) can still be answered")
            case .win(_, let demand):
                let wins = deadlines.filter { $0.win != nil && (demand == nil || $0.demand == demand) }.count
                lines.append("\(wins) win(s) so far")
            }
            if let f = fired[i] { lines.append("fired \(f) time\(f == 1 ? "" : "s")") }
            if let nf = notFired[i] { lines.append("held back by its conditions \(nf) time\(nf == 1 ? "" : "s")") }
            rules.append(.init(rule: rule.id, lines: lines))
        }
        return StatusReport(at: now, entries: entryCount, silences: silences, rules: rules, pacing: pacingStatus(now: now),
                            deadlines: deadlineStatus(now: now), forecasts: forecasts, notes: notes)
    }

    private func everyStatus(_ i: Int, n: Int64, counted: Counted, per: Dimension?) -> [String] {
        guard everySlot[i] >= 0 else { return [] }
        let st = every[everySlot[i]]
        let unit: String
        switch counted {
        case .entries: unit = "entries"
        case .metric(let m): unit = campaign.metric(m)?.unit ?? m
        case .silences: unit = "silences"
        }
        // Metric totals are kept in thousandths; entries and silences are plain counts.
        let q: (Int64) -> Quantity = { if case .metric = counted { return Quantity(milli: $0) } else { return Quantity($0) } }
        func line(_ total: Int64, _ scope: String) -> String {
            let next = (total / st.step + 1) * st.step
            return "\(scope)\(q(total)) \(unit); next milestone \(q(next)), \(q(next - total)) to go"
        }
        guard per != nil else { return [line(st.total, "")] }
        if st.perKey.isEmpty { return ["no matching entries yet; every \(n) per \(per!.rawValue)"] }
        // The keys closest to their next milestone first.
        let keys = st.perKey.keys.sorted { a, b in
            let ra = st.step - st.perKey[a]! % st.step, rb = st.step - st.perKey[b]! % st.step
            return ra != rb ? ra < rb : a < b
        }
        var lines = keys.prefix(5).map { line(st.perKey[$0]!, "\(per!.rawValue) \($0): ") }
        if keys.count > 5 { lines.append("and \(keys.count - 5) more \(per!.rawValue)s") }
        return lines
    }

    private func thresholdStatus(_ i: Int, now: Instant) -> [String] {
        let slot = thresholdSlot[i]
        guard slot >= 0 else { return [] }
        let st = thresholds[slot]
        let cmp = st.threshold.comparison
        var values: [(key: Int, value: Double)] = []
        if let a = st.aggregator {
            values = aggregators[a].sums.indices.map { ($0, aggregators[a].value($0)) }
        } else if case .indicator(let name) = st.threshold.measure {
            guard let v = indicatorValues[name] else { return ["\(name) has no value yet; fires when \(cmp)"] }
            values = [(0, v)]
        }
        // The key nearest to crossing first.
        let ranked = values.sorted { a, b in
            let da = cmp.distance(a.value), db = cmp.distance(b.value)
            return da != db ? da < db : a.key < b.key
        }
        var lines: [String] = []
        for (k, v) in ranked.prefix(3) {
            let key = k < st.keys.count ? st.keys[k] : ThresholdState.Key()
            var s = "\(measureLabel(slot, key: k)) is \(formatNumber(v)) against \(cmp)"
            if key.active, let since = key.since, let hold = st.threshold.hold, since + hold > now {
                s += "; holding since \(campaign.zone.short(since)), fires at \(campaign.zone.short(since + hold)) if it holds"
            } else if key.active {
                s += "; already \(cmp), re-arms once it is not"
            } else {
                s += "; \(formatNumber(abs(cmp.limit - v))) to go"
            }
            lines.append(s)
        }
        if ranked.count > 3 { lines.append("and \(ranked.count - 3) more keys") }
        return lines
    }

    private func pacingStatus(now: Instant) -> [String] {
        var lines: [String] = []
        if let c = campaign.pacing.cooldown, let last = lastEscalation {
            lines.append(last + c > now ? "cool-down ends \(campaign.zone.short(last + c)) (last escalation \(campaign.zone.short(last)))"
                                        : "no cool-down in force (last escalation \(campaign.zone.short(last)))")
        }
        if let g = deferred {
            lines.append("\(g.count) escalation request(s) waiting until \(campaign.zone.short(g.releaseAt)): \(g.reason)")
        }
        return lines
    }

    private func deadlineStatus(now: Instant) -> [StatusReport.DeadlineLine] {
        deadlines.filter { $0.answeredAt == nil }.map { d in
            if d.missed || d.due <= now {
                let days = (now - d.opened).seconds / 86_400
                return .init(record: d, days: days, sentence: "deadline \(d.number): \(d.target): \(days) day\(days == 1 ? "" : "s") of silence on \(d.demand)")
            }
            let days = (d.due - now).seconds / 86_400
            return .init(record: d, days: days,
                         sentence: "deadline \(d.number): \(d.target) on \(d.demand): due \(campaign.zone.short(d.due)), \(days) day\(days == 1 ? "" : "s") left")
        }
    }

    /// The next milestone's date at the last four weeks' rate: expected at the mean weekly
    /// rate, earliest at the fastest week's, latest at the slowest week's.
    func forecast(rule: String, step: Int64, total: Int64, now: Instant) -> StatusReport.Forecast? {
        let next = (total / step + 1) * step
        let remaining = next - total
        let weeks = daily.weeks(endingAt: floorDiv(now.seconds, 86_400))
        let mean = Double(weeks.reduce(0, +)) / 28
        let fast = Double(weeks.max() ?? 0) / 7, slow = Double(weeks.min() ?? 0) / 7
        func date(_ perDay: Double) -> Instant? {
            perDay > 0 ? now + TimeSpan(seconds: Int64((Double(remaining) / perDay * 86_400).rounded(.up))) : nil
        }
        let expected = date(mean), earliest = date(fast), latest = date(slow)
        var s = "forecast: entry \(next) (\(remaining) to go)"
        if let e = expected {
            s += " around \(campaign.zone.local(e).date)"
            if let a = earliest { s += ", between \(campaign.zone.local(a).date)" }
            s += latest.map { " and \(campaign.zone.local($0).date)" } ?? " and later (a quiet week in the last four)"
            s += " at \(formatNumber((mean * 7).rounded())) entries a week"
        } else {
            s += ": no entries in the last four weeks to forecast from"
        }
        return .init(rule: rule, milestone: next, remaining: remaining, expected: expected, earliest: earliest, latest: latest, sentence: s)
    }
}

extension Comparison {
    /// How far a value is from making the comparison true (0 when it holds).
    func distance(_ v: Double) -> Double {
        switch self {
        case .above(let x): return v > x ? 0 : x - v
        case .below(let x): return v < x ? 0 : v - x
        }
    }
}
