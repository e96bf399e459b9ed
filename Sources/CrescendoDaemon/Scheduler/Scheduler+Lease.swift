import CrescendoStore

/// Lease gating and fencing (docs/federation.md): a step judges only the campaigns whose lease
/// this daemon holds and trusts, commits under the lease's epoch, and drops its runtime for a
/// campaign when the lease moved on. A campaign taken (or taken back) starts from its
/// watermark as at a restart: a fresh runtime replays the facts, actions keep their stable
/// ids, so nothing is decided twice, and what fell due while no one judged it follows
/// `on_missed`.
extension Scheduler {
    /// Whether this step judges `campaign`; a runtime built under another epoch is dropped.
    func judges(_ campaign: String) -> Bool {
        guard let leases else { return true }
        guard let epoch = leases.epoch(of: campaign) else {
            if runtimes[campaign] != nil { logger.info("\(campaign): lease not held (or no longer trusted); not judging it") }
            forget(campaign)
            return false
        }
        if epochs[campaign] != epoch {
            forget(campaign)
            epochs[campaign] = epoch
        }
        return true
    }

    /// The fence of a commit for `campaign`: this daemon under the epoch its runtime was built in.
    func fence(_ campaign: String) -> LeaseFence? {
        guard let leases, let epoch = epochs[campaign] else { return nil }
        return LeaseFence(owner: leases.owner, epoch: epoch)
    }

    /// A commit was refused: another daemon holds the campaign now.
    func leaseLost(_ lost: LeaseLost) {
        logger.warning("\(lost.campaign): \(lost.description); dropping its runtime")
        forget(lost.campaign)
        leases?.drop(lost.campaign)
    }

    /// Forgets everything this process knew of a campaign's judging, so it starts afresh.
    private func forget(_ campaign: String) {
        if let rt = runtimes[campaign] { lastJudged[campaign] = Self.status(of: rt, rt.loaded) }
        runtimes[campaign] = nil
        modes[campaign] = nil
        watermarks[campaign] = nil
        startedAt[campaign] = nil
        epochs[campaign] = nil
    }
}
