/// What can go wrong with a ledger database; each description is one sentence for `error: ...`.
///
/// A `path` is the ledger's location as messages show it: a file path, or a PostgreSQL URL
/// without its password. `unavailable` is the one case that says the database could not be
/// reached (refused, gone, timed out): the request may succeed later as it is, where every
/// other case is about the request or the ledger itself.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case notSQLite(path: String)
    /// `kind` names the database with its article: "an SQLite database", "a PostgreSQL schema".
    case notALedger(path: String, kind: String = "an SQLite database")
    case newerSchema(path: String, found: Int, known: Int)
    case readOnly(path: String)
    case diskFull(path: String)
    case busy(path: String)
    case campaignMismatch(path: String, stored: String, given: String)
    case noSuchEntry(seq: Int64)
    case invalidText(field: String)
    case entryTooLarge(bytes: Int)
    case database(path: String, message: String)
    case unavailable(path: String, reason: String)
    case notEmpty(path: String, holds: String)
    case brokenSource(path: String, problem: String)
    case unsupportedText(field: String, reason: String)
    case tokenExists(name: String)
    case noSuchToken(name: String)

    public var description: String {
        switch self {
        case .missing(let p): return "no ledger database at \(p)"
        case .notSQLite(let p): return "\(p) is not an SQLite database, so it cannot be a Crescendo ledger"
        case .notALedger(let p, let kind): return "\(p) is \(kind) but not a Crescendo ledger (it has no meta table)"
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
        case .unavailable(let p, let reason): return "cannot reach the ledger database \(p): \(reason)"
        case .notEmpty(let p, let holds):
            return "\(p) is not empty (it holds \(holds)); copy into a new ledger: a new SQLite file, an empty PostgreSQL database (createdb NAME) or a new schema (postgres://...?schema=NAME)"
        case .brokenSource(let p, let problem): return "\(p) does not verify (\(problem)); nothing was copied"
        case .unsupportedText(let field, let reason): return "\(field) \(reason), which the ledger does not accept"
        case .tokenExists(let name): return "a token named \(name) already exists (names stay taken after a revoke); choose another name"
        case .noSuchToken(let name): return "there is no token named \(name) (crescendo token list shows them)"
        }
    }
}
