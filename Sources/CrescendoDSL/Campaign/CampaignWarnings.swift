import Yams
import CrescendoCore

/// Problems that do not stop a campaign from running but that a strategist should see.
struct CampaignWarnings {
    let sink: DiagnosticSink

    /// `rulesComplete` is false when some rules could not be read; then which demands are
    /// briefed on is unknown, and that warning is left out.
    func report(ruleSet: RuleSet, decompression: [ActionSpec], demands: [Demand], demandsNode: Node?,
                windows: [(window: Window, node: Node)], header: CampaignHeader, rulesComplete: Bool) {
        for entry in ruleSet.entries where entry.parsed.rule.then == nil && decompression.isEmpty {
            for action in entry.parsed.actions {
                if case .escalate = action.spec.action {
                    entry.sink.warning(action.node, entry.parsed.rule.id, "escalation has no follow-up ritual",
                                       hint: "add `then:` with a ritual to this rule, or a campaign-level `decompression:`")
                }
            }
        }
        var briefed = Set<String>()
        for rule in ruleSet.rules {
            for action in rule.actions + (rule.then ?? []) {
                if case .briefing(let demand, _, _) = action.action { briefed.insert(demand) }
            }
        }
        for action in decompression {
            if case .briefing(let demand, _, _) = action.action { briefed.insert(demand) }
        }
        if rulesComplete, case .mapping(let m)? = demandsNode {
            for (key, _) in m {
                if let id = key.string, demands.contains(where: { $0.id == id }), !briefed.contains(id) {
                    sink.warning(key, "demands", "no rule ever briefs on demand '\(id)'",
                                 hint: "add a rule with `briefing: { demand: \(id), deadline: 14d }`")
                }
            }
        }
        let startDay = header.zone.local(header.start).date
        for (window, node) in windows where window.to < startDay {
            sink.warning(node, "windows", "window '\(window.id)' ends (\(window.to)) before the campaign starts (\(startDay))")
        }
    }
}
