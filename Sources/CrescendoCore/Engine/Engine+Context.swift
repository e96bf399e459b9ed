extension Engine {
    /// A new occurrence with the variables every template gets, plus those of what fired it.
    func occurrence(_ action: String, firing f: Firing, at t: Instant) -> Occurrence {
        let rule = campaign.rules[f.rule]
        var o = Occurrence(at: t, rule: rule.id, action: action, because: f.because)
        o.followsAt = f.followsAt
        var c = TemplateContext()
        let (date, time) = campaign.zone.local(t)
        c["campaign"] = campaign.id
        c["title"] = campaign.title
        c["rule"] = rule.id
        c["at"] = "\(date.iso8601) \(time)"
        c["entries"] = String(entryCount)
        c["week"] = date.isoWeekLabel
        c.metrics = campaign.metrics.enumerated().map { i, m in
            ["label": m.label, "unit": m.unit, "total": Quantity(milli: metricTotals[i]).description]
        }
        if let (dim, key) = f.per {
            o.group = Occurrence.Group(per: dim, key: key)
            switch dim {
            case .area:
                o.area = key
                c["area"] = campaign.areas.first { $0.id == key }?.label ?? key
            case .demand:
                o.demand = key
                addDemand(key, target: nil, to: &c)
            case .kind:
                c["kind"] = key
            }
        }
        if let d = filterDemand(rule) { addDemand(d, target: nil, to: &c) }
        if let e = f.entry {
            o.seq = e.seq
            c["seq"] = seqLabel(e.seq)
            c["kind"] = e.kind
            c["quantity"] = e.quantity.description
            c["area"] = e.area.map { code in campaign.areas.first { $0.id == code }?.label ?? code } ?? ""
            c["care"] = e.care ?? ""
            c["cause"] = e.cause ?? ""
            c["change"] = e.change ?? ""
            if let d = e.demand { addDemand(d, target: nil, to: &c) }
        }
        if let n = f.deadline, n >= 1, n <= deadlines.count {
            let d = deadlines[n - 1]
            addDemand(d.demand, target: d.target, to: &c)
            addDeadline(d, at: t, to: &c)
        }
        o.context = c
        return o
    }

    /// The demand a rule's `where:` names, if any.
    func filterDemand(_ rule: Rule) -> String? {
        switch rule.trigger {
        case .every(_, _, let filter, _): return filter.demand
        case .threshold(let th): return th.filter.demand
        default: return nil
        }
    }

    func addDemand(_ id: String, target: String?, to c: inout TemplateContext) {
        let d = campaign.demand(id)
        c["demand"] = d?.text ?? id
        c["target"] = target ?? d?.target ?? ""
        c["funding"] = d?.funding ?? ""
    }

    func addDeadline(_ d: DeadlineRecord, at t: Instant, to c: inout TemplateContext) {
        c["deadline"] = String(d.number)
        c["due"] = campaign.zone.short(d.due)
        c["days_silent"] = String(max(0, (t - d.opened).seconds / 86_400))
    }
}

/// "001", "042", "1000": the public numbering of the Care Ledger.
public func seqLabel(_ seq: Int64) -> String {
    seq < 10 ? "00\(seq)" : seq < 100 ? "0\(seq)" : "\(seq)"
}
