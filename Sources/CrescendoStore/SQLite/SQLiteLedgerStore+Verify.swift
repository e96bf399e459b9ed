import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    /// Recomputes every hash from the entries' contents and the previous stored hash, checks
    /// that seqs run 1, 2, 3 ... without gaps, and that the last entry is the head recorded in
    /// `meta`; reports the first entry that does not match.
    public func verify() throws -> ChainReport {
        try read { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries ORDER BY seq", path: path)
            var hasher = EntryHasher()
            var previous = Hex.zeroHash
            var expected: Int64 = 1
            var count: Int64 = 0
            func broken(_ seq: Int64, _ message: String) -> ChainReport {
                ChainReport(count: count, headHash: Hex.string(previous), problem: ChainProblem(seq: seq, message: message))
            }
            while let (stored, hash) = try reader.next(hashText: false) {
                let seq = stored.seq
                if seq != expected {
                    let gap = expected == 1 ? "the ledger starts at \(seq)" : "seq jumps from \(expected - 1) to \(seq)"
                    return broken(expected, "entry \(expected) is missing (\(gap)): entries were deleted")
                }
                let computed = hasher.hash(previous: previous, seq: seq, entry: stored.entry, recordedAt: stored.recordedAt,
                                           corrects: stored.corrects, reason: stored.correctionReason)
                guard computed == hash else {
                    return broken(seq, "entry \(seq) does not match its hash: it was edited, or entries were reordered or replaced")
                }
                previous = hash
                count += 1
                expected += 1
            }
            let headSeq = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'head_seq'").flatMap { Int64($0) } ?? 0
            if headSeq > count {
                return broken(count + 1, "the ledger ends at entry \(count), but entry \(headSeq) was recorded: entries were removed from the end")
            }
            return ChainReport(count: count, headHash: Hex.string(previous), problem: nil)
        }
    }
}
