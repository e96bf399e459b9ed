import CrescendoCore

/// `simulate --scenario ... --format table`: the scenarios side by side, one column each, so a
/// strategist can read when the Nth of each thing happens under each future: escalations (the
/// Nth that happened), each `every:` rule's milestones (its Nth firing), and deadlines (when
/// deadline N comes due, and whether it met silence or an answer); then the totals. A dash: not
/// in that scenario (before its end). Deadlines are read from the engine's records, so an
/// answer shows whether or not a rule reacts to it.
struct ScenarioTable {
    let campaign: Campaign
    /// The widest the first column may be.
    static let labelWidth = 30

    /// One scenario's events, by section and row label, in order.
    struct Events {
        var escalations: [Instant] = []
        var milestones: [(rule: String, at: [Instant])] = []
        /// Deadline number to its due time and how it ended ("✗" silence, "✓" answered, "✓ late").
        var deadlines: [Int: (due: Instant, mark: String)] = [:]
    }

    /// `columns`: each scenario's name, its actions from its start on, and the deadlines opened
    /// from then on.
    func render(_ columns: [(name: String, actions: [Occurrence], deadlines: [DeadlineRecord])]) -> String {
        let events = columns.map { Self.events($0.actions, $0.deadlines, campaign: campaign) }
        let names = columns.map(\.name)
        let dash = "—"
        var rows: [[String]] = [["ESCALATIONS"] + names]
        for n in 0..<(events.map(\.escalations.count).max() ?? 0) {
            rows.append(["escalation \(n + 1)"] + events.map { n < $0.escalations.count ? short($0.escalations[n]) : dash })
        }
        var rules: [String] = []
        for e in events { for m in e.milestones where !rules.contains(m.rule) { rules.append(m.rule) } }
        rows.append(["MILESTONES"] + names.map { _ in "" })
        for rule in rules {
            let times = events.map { $0.milestones.first { $0.rule == rule }?.at ?? [] }
            for n in 0..<(times.map(\.count).max() ?? 0) {
                rows.append([Self.label(rule, "#\(n + 1)")] + times.map { n < $0.count ? short($0[n]) : dash })
            }
        }
        rows.append(["DEADLINES"] + names.map { _ in "" })
        for n in 1...max(1, events.flatMap(\.deadlines.keys).max() ?? 0) where events.contains(where: { $0.deadlines[n] != nil }) {
            rows.append(["deadline \(n)"] + events.map { $0.deadlines[n].map { short($0.due) + ($0.mark.isEmpty ? "" : " " + $0.mark) } ?? dash })
        }
        var totals = [["TOTALS"] + names]
        let count = { (label: String, f: (Occurrence) -> Bool) in totals.append([label] + columns.map { String($0.actions.filter(f).count) }) }
        count("actions") { _ in true }
        count("escalations") { $0.action == "escalate" && !$0.suppressed }
        count("escalations suppressed") { $0.action == "escalate" && $0.suppressed }
        count("deadlines opened") { $0.action == "briefing" }
        count("silences") { $0.action == "silence" }
        count("held by quiet hours") { $0.deliverAt != nil }
        count("dropped by quiet hours") { $0.dropped != nil }
        let header = "Scenarios side by side: \(campaign.title) (times in \(campaign.zone.identifier))\n"
            + "A deadline shows when it comes due: ✗ met silence, ✓ answered in time, ✓ late answered after.\n\n"
        return header + TextTable.render(rows) + "\n" + TextTable.render(totals)
    }

    func short(_ t: Instant) -> String { campaign.zone.short(t) }

    /// A scenario's escalations, milestones and deadlines.
    static func events(_ actions: [Occurrence], _ deadlines: [DeadlineRecord], campaign: Campaign) -> Events {
        var e = Events()
        for d in deadlines {
            e.deadlines[d.number] = (d.due, d.answeredAt.map { $0 <= d.due ? "✓" : "✓ late" } ?? (d.missed ? "✗" : ""))
        }
        var firings: [String: Set<String>] = [:]
        for o in actions {
            if o.follows == nil, case .every? = campaign.rule(o.rule)?.trigger {
                // A firing is known by its sentence; an escalation pacing deferred says so after it,
                // and its milestone is when it was requested.
                var (because, at) = (o.because, o.at)
                if o.deferredFrom != nil, let first = o.requests.first, let cut = because.range(of: "; deferred from ") {
                    (because, at) = (String(because[..<cut.lowerBound]), first.at)
                }
                if firings[o.rule, default: []].insert(because).inserted {
                    if let i = e.milestones.firstIndex(where: { $0.rule == o.rule }) { e.milestones[i].at.append(at) } else { e.milestones.append((o.rule, [at])) }
                }
            }
            if o.action == "escalate", !o.suppressed { e.escalations.append(o.at) }
        }
        for i in e.milestones.indices { e.milestones[i].at.sort() }
        return e
    }

    /// `rule #n`, the rule cut (with "…") so that the whole fits the first column.
    static func label(_ rule: String, _ ordinal: String) -> String {
        let room = labelWidth - ordinal.count - 1
        return (rule.count <= room ? rule : String(rule.prefix(room - 1)) + "…") + " " + ordinal
    }
}
