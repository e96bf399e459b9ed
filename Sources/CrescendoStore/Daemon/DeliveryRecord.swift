/// One action on its way to one channel.
public struct DeliveryRecord: Hashable, Sendable {
    public enum State: String, Hashable, Sendable { case pending, delivered, dead }

    public var actionID: String
    public var campaign: String
    public var channel: String
    public var state: State
    /// Attempts made so far.
    public var attempts: Int
    /// Seconds since 1970 (fractional) before which no new attempt is made.
    public var nextAttemptAt: Double
    public var lastError: String?
    /// The action's due time, in seconds since 1970.
    public var dueAt: Int64
    /// The JSON line to send.
    public var payload: String

    public init(actionID: String, campaign: String, channel: String, state: State, attempts: Int, nextAttemptAt: Double,
                lastError: String?, dueAt: Int64, payload: String) {
        self.actionID = actionID; self.campaign = campaign; self.channel = channel; self.state = state
        self.attempts = attempts; self.nextAttemptAt = nextAttemptAt; self.lastError = lastError
        self.dueAt = dueAt; self.payload = payload
    }
}
