import CrescendoCore

/// An action the daemon decided, under its stable id, with where it stands.
public struct ActionRecord: Hashable, Sendable {
    /// Where an action stands.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Some channel has not confirmed it yet.
        case pending
        /// Every channel it goes to confirmed it.
        case delivered
        /// A channel gave up on it after its retries (a dead letter).
        case dead
        /// Recorded but never sent: missed while down under `on_missed`, or decided again by a reload.
        case skipped
        /// No channel to send it to (no `channel:` and no `file` channel in the campaign).
        case unrouted
    }

    public var id: String
    public var campaign: String
    public var rule: String
    public var action: String
    public var dueAt: Instant
    /// The JSON line sent to channels: `Occurrence.json(id:)`, the action's JSON with `"id"` first.
    public var payload: String
    public var state: State
    public var attempts: Int
    public var late: Bool
    public var deliveredAt: Instant?
    /// When the daemon decided it (wall clock).
    public var decidedAt: Instant
    /// Why it was skipped, for a skipped action.
    public var reason: String?
    /// The channels it goes to (empty for skipped and unrouted actions).
    public var channels: [String]
    /// Per channel, when quiet hours hold the delivery until (its `deliver_at`), as the scheduler
    /// records the action: `commit` makes it the delivery's first `next_attempt_at`, which is
    /// what keeps the hold across restarts (rows read back leave this empty; the payload has
    /// `deliver_at`). Absent: delivered at once.
    public var deliverAt: [String: Instant] = [:]

    public init(id: String, campaign: String, rule: String, action: String, dueAt: Instant, payload: String,
                state: State, attempts: Int = 0, late: Bool, deliveredAt: Instant? = nil, decidedAt: Instant,
                reason: String? = nil, channels: [String]) {
        self.id = id; self.campaign = campaign; self.rule = rule; self.action = action; self.dueAt = dueAt
        self.payload = payload; self.state = state; self.attempts = attempts; self.late = late
        self.deliveredAt = deliveredAt; self.decidedAt = decidedAt; self.reason = reason; self.channels = channels
    }
}
