/// What can go wrong with a ledger database; each description is one sentence for `error: ...`.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case notSQLite(path: String)
    case notALedger(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case campaignMismatch(path: String, stored: String, given: String)
    case noSuchEntry(seq: Int64)
    case invalidText(field: String)
    case entryTooLarge(bytes: Int)
    case database(path: String, message: String)
    case tokenExists(name: String)
    case noSuchToken(name: String)

    public var description: String {
        switch self {
        case .missing(let p): return "no ledger database at \(p)"
        case .notSQLite(let p): return "\(p) is not an SQLite database, so it cannot be a Crescendo ledger"
        case .notALedger(let p): return "\(p) is an SQLite database but not a Crescendo ledger (it has no meta table)"
        case .newerSchema(let p, let found, let known):
            return "\(p) has ledger schema version \(found), newer than this build of crescendo knows (\(known)); upgrade crescendo to use it"
        case .readOnly(let p): return "\(p) is read-only; nothing was recorded"
        case .diskFull(let p): return "the disk is full while writing \(p); the transaction was rolled back and nothing was recorded"
        case .busy(let p): return "\(p) stayed locked by another writer for more than 5 seconds; nothing was recorded"
        case .campaignMismatch(let p, let stored, let given):
            return "\(p) holds the ledger of campaign \(stored), not \(given)"
        case .noSuchEntry(let seq): return "there is no entry \(seq) in the ledger"
        case .invalidText(let field): return "\(field) contains a control character (U+001F), which the ledger does not accept"
        case .entryTooLarge(let bytes): return "an entry's text is \(bytes) bytes, more than the ledger accepts (2 GiB); nothing was imported"
        case .database(let p, let message): return "\(p): \(message)"
        case .tokenExists(let name): return "a token named \(name) already exists (names stay taken after a revoke); choose another name"
        case .noSuchToken(let name): return "there is no token named \(name) (crescendo token list shows them)"
        }
    }
}
