/// A page of the audit log: lines after `after` (an id), oldest first, at most `limit`, and
/// only one caller's when `who` is given (an organizer reads its own writes). With `before`,
/// the page is the lines before that id instead, newest first (the web app's admin page).
public struct AuditQuery: Sendable, Equatable {
    public var who: String?
    public var after: Int64
    public var limit: Int
    /// Newest first, below this id (`Int64.max`: the newest lines).
    public var before: Int64?
    public init(who: String? = nil, after: Int64 = 0, limit: Int = 100, before: Int64? = nil) {
        self.who = who; self.after = after; self.limit = limit; self.before = before
    }
}
