import CrescendoCore
import GRDB

extension SQLiteLedgerStore {
    /// Recomputes every hash from the entries' contents and the previous stored hash, checks
    /// that seqs run 1, 2, 3 ... without gaps, and that the last entry is the head recorded in
    /// `meta`; reports the first entry that does not match (`ChainVerifier`).
    public func verify() throws -> ChainReport {
        try read { db in
            var reader = try EntryRowReader(db, sql: "SELECT \(EntryRowReader.columns) FROM entries ORDER BY seq", path: path)
            var chain = ChainVerifier()
            while let (stored, hash) = try reader.next(hashText: false) {
                guard chain.check(stored, hash: hash) else { return chain.report }
            }
            let headSeq = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'head_seq'").flatMap { Int64($0) } ?? 0
            chain.finish(recordedHead: headSeq)
            return chain.report
        }
    }
}
