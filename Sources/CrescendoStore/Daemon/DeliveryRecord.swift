import CrescendoCore

/// One action on its way to one channel.
public struct DeliveryRecord: Hashable, Sendable {
    public enum State: String, Hashable, Sendable { case pending, delivered, dead }

    public var actionID: String
    public var campaign: String
    public var channel: String
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    /// No new attempt is made before this instant.
    public var nextAttemptAt: Instant
    public var lastError: String?
    /// The action's due time.
    public var dueAt: Instant
    /// The JSON line to send.
    public var payload: String
    /// When the channel confirmed it (read only where a whole ledger is copied).
    public var deliveredAt: Instant?
    /// The claim under which this caller may attempt it (set by `DaemonStore.claimDeliveries`).
    public var claim: DeliveryClaim?

    public init(actionID: String, campaign: String, channel: String, state: State, attempts: Int, nextAttemptAt: Instant,
                lastError: String?, dueAt: Instant, payload: String, deliveredAt: Instant? = nil, claim: DeliveryClaim? = nil) {
        self.actionID = actionID; self.campaign = campaign; self.channel = channel; self.state = state
        self.attempts = attempts; self.nextAttemptAt = nextAttemptAt; self.lastError = lastError
        self.dueAt = dueAt; self.payload = payload; self.deliveredAt = deliveredAt; self.claim = claim
    }
}
