/// A page of the audit log: lines after `after` (an id), oldest first, at most `limit`, and
/// only one caller's when `who` is given (an organizer reads its own writes).
public struct AuditQuery: Sendable, Equatable {
    public var who: String?
    public var after: Int64
    public var limit: Int
    public init(who: String? = nil, after: Int64 = 0, limit: Int = 100) { self.who = who; self.after = after; self.limit = limit }
}
