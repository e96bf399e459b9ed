import CrescendoCore

/// One line of the append-only audit log: a write or a refusal, through the API, the web app
/// or the command line.
public struct AuditEvent: Sendable, Equatable {
    /// Its place in the log (set when read back).
    public var id: Int64?
    public var at: Instant
    /// The token's name, `cli` for the command line, `anonymous` for a request without a good token.
    public var who: String
    /// The caller's role, when known.
    public var role: Role?
    /// The route (`POST /api/entries`) or the command (`ledger add`).
    public var what: String
    /// What it touched: `seq 12-14`, `deadline 3`, `token volunteer-1` (empty when nothing).
    public var ids: String
    /// The HTTP status, or for the command line the status the same refusal would get over
    /// HTTP (201 recorded, 200 done, 409 conflict, 422 refused input, 500 failed).
    public var outcome: Int
    /// The error's sentence for a refusal, or a note (`replayed`).
    public var detail: String?

    public init(id: Int64? = nil, at: Instant, who: String, role: Role?, what: String, ids: String = "", outcome: Int, detail: String? = nil) {
        self.id = id; self.at = at; self.who = who; self.role = role; self.what = what
        self.ids = ids; self.outcome = outcome; self.detail = detail
    }

    /// `seq A` or `seq A-B` for the entries of one write.
    public static func seqs(_ stored: [StoredEntry]) -> String {
        guard let first = stored.first?.seq, let last = stored.last?.seq else { return "" }
        return first == last ? "seq \(first)" : "seq \(first)-\(last)"
    }
}
