import CrescendoCore

extension LedgerStore {
    /// The one path for responses, `crescendo respond` and `POST /api/responses` alike: each
    /// response is judged in order by the campaign's engine over the ledger's facts
    /// (`ResponseStanding.judge`; the earlier ones of the batch count as recorded), and only if
    /// every one answers its deadline are they all recorded, in one transaction.
    ///
    /// Returns the standings in order; when one is refused it is the last, and nothing was
    /// recorded.
    public func respond(_ responses: [Response], campaign: Campaign, recordedAt: Instant) async throws -> [ResponseStanding] {
        let standings = try await judge(responses, campaign: campaign)
        if standings.last?.answers == true { try await recordSideFacts(indicators: [], responses: responses, recordedAt: recordedAt) }
        return standings
    }

    /// `respond`'s judgement without the write: the standings in order, stopping at the first
    /// refused one (for a caller that records them its own way, with an audit line and a key).
    public func judge(_ responses: [Response], campaign: Campaign) async throws -> [ResponseStanding] {
        let indicators = try await indicatorSamples()
        var known = try await self.responses()
        let entries = try await entriesThrough(responses.map(\.at).max() ?? .distantPast)
        var standings: [ResponseStanding] = []
        for r in responses {
            let standing = try ResponseStanding.judge(r, campaign: campaign, openBatches: { Self.batches(entries) },
                                                      indicators: indicators, responses: known)
            standings.append(standing)
            guard standing.answers else { return standings }
            known.append(r)
        }
        return standings
    }

    /// The ledger's entries dated at or before `t`, in seq order, read a page at a time; the
    /// engine judges a response only through its own instant, so later entries do not matter.
    private func entriesThrough(_ t: Instant) async throws -> [KeyedEntry] {
        var out: [KeyedEntry] = []
        var after: Int64 = 0
        while true {
            let page = try await entries(EntryQuery(fromSeq: after + 1, limit: 4096))
            guard let last = page.last else { return out }
            after = last.seq
            for s in page where s.entry.at <= t { out.append(KeyedEntry(entry: s.entry)) }
        }
    }

    /// The entries as one batch, as the engine reads them.
    private static func batches(_ entries: [KeyedEntry]) -> Simulation.KeyedBatchSource {
        var done = false
        return {
            defer { done = true }
            return done || entries.isEmpty ? nil : entries
        }
    }
}
