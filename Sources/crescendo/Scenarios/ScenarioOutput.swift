import CrescendoCore
import CrescendoPublish

/// What `simulate --scenario` prints: the actions as JSON lines tagged with their scenario
/// (scenario by scenario, in the order given), the side-by-side table, the stacked timelines,
/// or, with `--collisions`, each scenario's collisions.
struct ScenarioOutput {
    let campaign: Campaign
    let outcomes: [ScenarioRun.Outcome]

    /// Each scenario's actions from its start on (as plain `simulate` shows them).
    var shown: [(name: String, actions: [Occurrence])] {
        outcomes.map { o in (o.scenario.name, o.result.occurrences.filter { $0.at >= o.result.engine.start }) }
    }

    func json(to out: FileHandleOutput) {
        for (name, actions) in shown {
            for a in actions { out.line(JSONValue.object([("scenario", .string(name))] + a.jsonFields).text) }
        }
    }

    func table() -> String {
        ScenarioTable(campaign: campaign).render(zip(outcomes, shown).map { o, s in
            (s.name, s.actions, o.result.engine.deadlines.filter { $0.opened >= o.result.engine.start })
        })
    }

    func svg() -> String {
        let shown = self.shown
        return TimelineChart.stacked(zip(outcomes, shown).map { o, s in
            (s.name, TimelineChart(campaign: campaign, occurrences: s.actions, entryTimes: o.entryTimes ?? [],
                                   indicators: o.indicators, from: o.result.engine.start, to: o.result.endedAt))
        }).document
    }

    /// Every scenario's collisions, scenario by scenario.
    var collisions: [(scenario: String?, collision: Collision)] {
        shown.flatMap { s in Collisions(campaign: campaign, actions: s.actions).find().map { (s.name, $0) } }
    }
}
