import CrescendoCore

/// Checks a hash chain entry by entry, as a store reads it in seq order: seqs run 1, 2, 3 ...
/// without gaps, each hash is SHA-256 of the previous stored hash and the entry's canonical
/// encoding, and the chain reaches the head the store recorded. The one check behind
/// `verify()` on every store and behind a copy's restore, so their messages are the same.
package struct ChainVerifier {
    private var hasher = EntryHasher()
    /// The last stored hash accepted (zeros before the first entry).
    package private(set) var previous = Hex.zeroHash
    /// Entries accepted.
    package private(set) var count: Int64 = 0
    /// The first problem found; once set, nothing more is checked.
    package private(set) var problem: ChainProblem?

    package init() {}

    /// Checks the next entry with its stored hash (32 bytes); returns false once the chain is broken.
    @discardableResult
    package mutating func check(_ stored: StoredEntry, hash: [UInt8]) -> Bool {
        guard problem == nil else { return false }
        let expected = count + 1
        let seq = stored.seq
        if seq != expected {
            let gap = expected == 1 ? "the ledger starts at \(seq)" : "seq jumps from \(expected - 1) to \(seq)"
            problem = ChainProblem(seq: expected, message: "entry \(expected) is missing (\(gap)): entries were deleted")
            return false
        }
        let computed = hasher.hash(previous: previous, seq: seq, entry: stored.entry, recordedAt: stored.recordedAt,
                                   corrects: stored.corrects, reason: stored.correctionReason)
        guard computed == hash else {
            problem = ChainProblem(seq: seq, message: "entry \(seq) does not match its hash: it was edited, or entries were reordered or replaced")
            return false
        }
        previous = hash
        count = expected
        return true
    }

    /// Checks the end of the chain against the head seq the store recorded with its last write.
    package mutating func finish(recordedHead: Int64) {
        guard problem == nil, recordedHead > count else { return }
        problem = ChainProblem(seq: count + 1,
                               message: "the ledger ends at entry \(count), but entry \(recordedHead) was recorded: entries were removed from the end")
    }

    /// What `verify()` reports: the entries accepted, the last stored hash accepted, the problem.
    package var report: ChainReport { ChainReport(count: count, headHash: Hex.string(previous), problem: problem) }
}
