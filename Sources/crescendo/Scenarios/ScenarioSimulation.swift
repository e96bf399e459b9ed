import CrescendoCore
import CrescendoDSL
import CrescendoStore

/// `simulate CAMPAIGN --scenario FILE ...`: loads the scenario files against the campaign
/// (every error of every file is printed, as for rule tests, and nothing runs), then runs each
/// group of scenarios that share a base and a start through `ScenarioRun`, which reads the base
/// once for the group and shares the work before their facts part. Outcomes come in the order
/// the files were given.
struct ScenarioSimulation {
    let campaign: Campaign
    /// `--from`, `--until` (defaults for scenarios without their own) and the renderer.
    let options: Engine.Options

    func run(_ paths: [String], entryTimes: Bool) async throws -> [ScenarioRun.Outcome] {
        let (loaded, diagnostics) = ScenarioLoader().load(paths, campaign: campaign)
        let errors = diagnostics.filter { $0.severity == .error }
        FileHandleOutput.stderr.write(DiagnosticRenderer.text(errors.isEmpty ? diagnostics : errors))
        guard let scenarios = loaded, errors.isEmpty else {
            throw CLIError("the scenario files have \(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was simulated")
        }
        var outcomes: [ScenarioRun.Outcome?] = Array(repeating: nil, count: scenarios.count)
        var groups: [(key: [String?], members: [Int])] = []
        for (i, s) in scenarios.enumerated() {
            let key = [s.baseLedger, s.baseIndicators, s.baseResponses, (s.from ?? options.start).map { String($0.seconds) }]
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].members.append(i) } else { groups.append((key, [i])) }
        }
        for group in groups {
            let members = group.members.map { scenarios[$0] }
            var options = self.options
            options.start = members[0].from ?? options.start
            do {
                let results = try ScenarioRun.run(campaign: campaign, scenarios: members, base: try await base(of: members[0]),
                                                  options: options, entryTimes: entryTimes)
                for (i, r) in zip(group.members, results) { outcomes[i] = r }
            } catch {
                let names = members.map { "'\($0.name)'" }.joined(separator: ", ")
                throw CLIError("scenario\(members.count == 1 ? "" : "s") \(names) (\(members[0].path)): \(error)")
            }
        }
        return outcomes.compactMap { $0 }
    }

    /// The real facts a scenario starts from: its base ledger (a CSV, or a database with its
    /// indicator samples and responses), and its base indicator and response CSVs.
    private func base(of s: Scenario) async throws -> ScenarioRun.Base? {
        guard s.baseLedger != nil || s.baseIndicators != nil || s.baseResponses != nil else { return nil }
        var base = ScenarioRun.Base(openBatches: { { nil } })
        if let path = s.baseLedger {
            base.openBatches = { try openLedger(path, campaign: campaign) }
            if LedgerDatabase.isDatabase(path) {
                try await LedgerDatabase.with(path, readOnly: true) { store in
                    base.indicators = try await store.indicatorSamples()
                    base.responses = try await store.responses()
                }
            }
        }
        if let path = s.baseIndicators { base.indicators += try readIndicators(path, campaign: campaign) }
        if let path = s.baseResponses { base.responses += try readResponses(path, campaign: campaign) }
        return base
    }
}
