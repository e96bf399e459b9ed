import CrescendoCore

extension SQLiteLedgerStore {
    /// The one path for responses, `crescendo respond` and `POST /api/responses` alike: each
    /// response is judged in order by the campaign's engine over the ledger's facts
    /// (`ResponseStanding.judge`; the earlier ones of the batch count as recorded), and only if
    /// every one answers its deadline are they all recorded, in one transaction.
    ///
    /// Returns the standings in order; when one is refused it is the last, and nothing was
    /// recorded.
    public func respond(_ responses: [Response], campaign: Campaign, recordedAt: Instant) throws -> [ResponseStanding] {
        let indicators = try indicatorSamples()
        var known = try self.responses()
        var standings: [ResponseStanding] = []
        for r in responses {
            let standing = try ResponseStanding.judge(r, campaign: campaign, openBatches: { entryPages() },
                                                      indicators: indicators, responses: known)
            standings.append(standing)
            guard standing.answers else { return standings }
            known.append(r)
        }
        try recordSideFacts(indicators: [], responses: responses, recordedAt: recordedAt)
        return standings
    }

    /// The ledger's entries in seq order, a page at a time, as the engine reads them.
    private func entryPages(size: Int = 4096) -> Simulation.KeyedBatchSource {
        var after: Int64 = 0
        return {
            let page = try self.entries(EntryQuery(fromSeq: after + 1, limit: size))
            guard let last = page.last else { return nil }
            after = last.seq
            return page.map { KeyedEntry(entry: $0.entry) }
        }
    }
}
