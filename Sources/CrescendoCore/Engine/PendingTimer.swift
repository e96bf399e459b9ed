/// A timer the engine has set and not yet run: what the daemon persists so that status can
/// show it and a restart can tell what fell due while it was down.
public struct PendingTimer: Hashable, Sendable {
    /// When it comes due.
    public var at: Instant
    /// `start`, `hold`, `deadline`, `schedule`, `window`, `action`, `follow_up` or `release`.
    public var kind: String
    /// The id of the rule it belongs to (empty for the campaign's start).
    public var rule: String
    /// A short phrase for status, e.g. "deadline 3 due" or "hold of infection-surge".
    public var detail: String

    public init(at: Instant, kind: String, rule: String, detail: String) {
        self.at = at; self.kind = kind; self.rule = rule; self.detail = detail
    }
}
