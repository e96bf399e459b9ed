import CrescendoCore

extension LedgerStore {
    /// The ledger as it read when its newest seq was `seq`: each entry corrected by then (its
    /// `corrects` an entry that is not itself a correction) with its latest correction's values
    /// at its own seq, by the original's seq, as `forEachCurrentEntry` reads them.
    public func currentCorrections(through seq: Int64) async throws -> [Int64: LedgerEntry] {
        try await corrections(through: seq).currentValues()
    }

    /// Calls `body` for the entries of the ledger as it read when its newest seq was `seq`
    /// (corrections through `seq` applied, corrections not repeated) whose instant as they now
    /// read is at or after `start`, in (at, seq) order: what a replay from a checkpoint at
    /// `start` feeds. The corrections are read first (few, as `forEachCurrentEntry` does), then
    /// the entries from `start` by the `at` index, so the cost is in proportion to what comes
    /// after `start`, plus the corrections.
    public func forEachCurrentEntry(from start: Instant, through seq: Int64, _ body: (LedgerEntry) throws -> Void) async throws {
        try await forEachCurrentEntry(from: start, through: seq, corrections: corrections(through: seq), body)
    }

    /// `forEachCurrentEntry(from:through:)` with the corrections through `seq` (in seq order)
    /// already known to the caller, who keeps them instead of reading them for each replay.
    public func forEachCurrentEntry(from start: Instant, through seq: Int64, corrections: [StoredEntry],
                                    _ body: (LedgerEntry) throws -> Void) async throws {
        let corrected = corrections.currentValues()
        // The corrected entries that now read at or after `start`, merged in by (at, seq).
        let moved = corrected.values.filter { $0.at >= start }.sorted { ($0.at, $0.seq) < ($1.at, $1.seq) }
        var next = 0
        try await forEachEntry(from: start, through: seq) { stored in
            guard stored.corrects == nil, corrected[stored.seq] == nil else { return }
            let e = stored.entry
            while next < moved.count, (moved[next].at, moved[next].seq) < (e.at, e.seq) {
                try body(moved[next])
                next += 1
            }
            try body(e)
        }
        for e in moved[next...] { try body(e) }
    }
}

extension Sequence<StoredEntry> {
    /// For corrections in seq order: each entry they correct (one that is not itself among
    /// them) with its latest correction's values at its own seq, by its seq.
    public func currentValues() -> [Int64: LedgerEntry] {
        let isCorrection = Set(map(\.seq))
        var latest: [Int64: LedgerEntry] = [:]
        for c in self {
            guard let target = c.corrects, !isCorrection.contains(target) else { continue }
            var e = c.entry
            e.seq = target
            latest[target] = e
        }
        return latest
    }
}
