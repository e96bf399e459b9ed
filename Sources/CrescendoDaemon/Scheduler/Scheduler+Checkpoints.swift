import CrescendoCore

extension Scheduler {
    /// The instants of the checkpoints a campaign's runtime holds, oldest first.
    func checkpointInstants(campaign id: String) -> [Instant] {
        runtimes[id]?.checkpoints.all.map(\.at) ?? []
    }
}
