import CrescendoCore
import CrescendoStore

extension Scheduler {
    /// The instants of the checkpoints a campaign's runtime holds, oldest first.
    func checkpointInstants(campaign id: String) -> [Instant] {
        runtimes[id]?.checkpoints.all.map(\.at) ?? []
    }

    /// Judges responses to campaign `id` as `LedgerStore.judge` does (`ResponseStanding`, the
    /// earlier ones of the batch counting as recorded, stopping at the first refused), from a
    /// copy of the campaign's runtime instead of a replay of the ledger: the copy takes the
    /// facts recorded since the last step (going back to a checkpoint when one is late, as a
    /// step would) and is judged through each response's instant; the runtime is left as it
    /// is. Nil when the campaign has not run its current rules yet (before its first step, or
    /// a reload's); the caller then judges by a replay.
    public func judge(_ responses: [Response], campaign id: String) async throws -> [ResponseStanding]? {
        guard var copy = runtimes[id], copy.loaded.generation == registry.campaigns.first(where: { $0.campaign.id == id })?.generation else {
            return nil
        }
        var pending = try await store.facts(after: copy.cursor)
        var accepted: [Response] = []
        var standings: [ResponseStanding] = []
        for r in responses {
            if let late = copy.lateFrom(pending) {
                let from = copy.rewind(before: late)
                var replay = try await store.facts(from: from, through: pending.cursor)
                replay.responses += accepted.filter { $0.at >= from }
                pending = replay
            }
            let standing = copy.standing(of: r, feeding: pending)
            standings.append(standing)
            guard standing.answers else { break }
            accepted.append(r)
            pending = NewFacts(entries: [], indicators: [], responses: [r], lastRecordedAt: nil, cursor: pending.cursor)
        }
        return standings
    }
}
