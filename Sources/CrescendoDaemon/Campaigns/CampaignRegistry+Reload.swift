import CrescendoCore
import CrescendoDSL

/// A reload, file by file.
extension CampaignRegistry {
    /// What one file gave: a campaign to run (new or kept) or the problems that quarantine it.
    private enum Outcome {
        case kept(LoadedCampaign)
        case loaded(LoadedCampaign)
        case broken([Diagnostic])
    }

    func reload(at now: Instant, starting: Bool) -> Bool {
        let before = state.withLock { $0 }
        var generation = before.generation
        var running: [LoadedCampaign] = []
        var quarantined: [QuarantinedCampaign] = []
        var channels: [String: [String: any DeliveryChannel]] = [:]
        var redactors: [String: Redactor] = [:]
        var seen = Set<String>()
        for (i, path) in paths.enumerated() {
            let old = before.campaigns.first { $0.path == path }
            var outcome = Self.outcome(path, old: old)
            if case .loaded(let l) = outcome, let problem = conflict(l, index: i, primary: before.campaigns.first, seen: seen) {
                outcome = .broken([problem])
            }
            var redactor: Redactor?
            if case .loaded(let l) = outcome {
                do { redactor = try Redactor(campaign: l.campaign) } catch {
                    outcome = .broken([Diagnostic(file: path, line: 1, column: 1, severity: .error, code: "privacy", message: "\(error)")])
                }
            }
            switch outcome {
            case .kept(let l):
                running.append(l)
                channels[l.campaign.id] = before.channels[l.campaign.id]
                redactors[l.campaign.id] = before.redactors[l.campaign.id]
            case .loaded(var l):
                generation += 1
                l.generation = generation
                running.append(l)
                var m: [String: any DeliveryChannel] = [:]
                for c in l.campaign.channels { m[c.id] = factory.make(c, for: l) }
                channels[l.campaign.id] = m
                redactors[l.campaign.id] = redactor
                if old != nil { logger.info("\(path): campaign \(l.campaign.id) reloaded") }
            case .broken(let diagnostics):
                let earlier = before.quarantined.first { $0.path == path && $0.diagnostics == diagnostics }
                quarantined.append(QuarantinedCampaign(path: path, running: old?.campaign.id, since: earlier?.since ?? now,
                                                       diagnostics: diagnostics))
                if let old {
                    running.append(old)
                    channels[old.campaign.id] = before.channels[old.campaign.id]
                    redactors[old.campaign.id] = before.redactors[old.campaign.id]
                }
                let keeps = old.map { "campaign \($0.campaign.id) keeps its old rules" } ?? "its campaign does not run"
                for d in diagnostics { logger.error("\(d.file):\(d.line):\(d.column): \(d.message) (quarantined: \(keeps) until the file loads)") }
            }
            if let id = running.last?.campaign.id, running.last?.path == path { seen.insert(id) }
        }
        let failure = quarantined.isEmpty ? nil : ReloadFailure(at: now, diagnostics: quarantined.flatMap(\.diagnostics))
        state.withLock {
            $0.campaigns = running; $0.generation = generation; $0.quarantined = quarantined
            $0.channels = channels; $0.redactors = redactors
            if !starting || failure != nil { $0.lastFailure = failure }
        }
        if !starting, generation != before.generation { logger.info("reloaded: \(generation - before.generation) campaign(s) loaded anew") }
        return quarantined.isEmpty
    }

    /// The file's campaign: the one running if none of its files changed, else parsed again.
    private static func outcome(_ path: String, old: LoadedCampaign?) -> Outcome {
        if let old, old.isUnchanged { return .kept(old) }
        let r = CampaignLoader().load(path)
        guard let c = r.campaign else { return .broken(r.diagnostics.filter(\.isError)) }
        return .loaded(LoadedCampaign(campaign: c, path: path))
    }

    /// Why a freshly loaded campaign cannot run beside the others, if it cannot.
    private func conflict(_ l: LoadedCampaign, index: Int, primary: LoadedCampaign?, seen: Set<String>) -> Diagnostic? {
        if index == 0, let primary, primary.campaign.id != l.campaign.id {
            return Diagnostic(file: l.path, line: 1, column: 1, severity: .error, code: "campaign",
                              message: "the campaign id changed from \(primary.campaign.id) to \(l.campaign.id); the ledger belongs to \(primary.campaign.id)")
        }
        if seen.contains(l.campaign.id) {
            return Diagnostic(file: l.path, line: 1, column: 1, severity: .error, code: "campaign",
                              message: "campaign \(l.campaign.id) is given twice")
        }
        return nil
    }
}
