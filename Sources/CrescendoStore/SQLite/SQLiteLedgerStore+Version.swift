import Foundation
import GRDB

extension SQLiteLedgerStore {
    /// The ledger's version, read in one transaction (no `count(*)`: cheap on any ledger).
    public func version() throws -> LedgerVersion {
        try read { db in
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1")
            let hash: Data? = head?[1]
            func last(_ table: String) throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)") ?? 0 }
            return LedgerVersion(headSeq: head?[0] ?? 0, headHash: hash.map { Hex.string(Array($0)) } ?? EntryHasher.genesis,
                                 lastIndicatorID: try last("indicator_samples"), lastResponseID: try last("responses"),
                                 lastMoneyFlowID: try last("money_flows"))
        }
    }
}
