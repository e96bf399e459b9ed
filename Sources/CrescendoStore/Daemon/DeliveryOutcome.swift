import CrescendoCore

/// The outcome of one attempt to deliver an action through one channel.
public struct DeliveryOutcome: Hashable, Sendable {
    public var actionID: String
    public var channel: String
    /// Which attempt it was (1 for the first). It is recorded only while the delivery is
    /// pending with `attempt - 1` attempts behind it, so an outcome is never counted twice and a
    /// stale attempt cannot overwrite a newer one.
    public var attempt: Int
    /// When the attempt ended.
    public var at: Instant
    /// Why it failed; nil when the channel confirmed it.
    public var error: String?
    /// When to try again after a failure; nil with an error makes the delivery dead.
    public var retryAt: Instant?
    /// The claim the attempt was made under: when given, the outcome counts only while the
    /// delivery still carries that claim (a daemon whose claim expired and was taken over
    /// cannot complete it).
    public var claim: DeliveryClaim?

    public init(actionID: String, channel: String, attempt: Int, at: Instant, error: String?, retryAt: Instant?, claim: DeliveryClaim? = nil) {
        self.actionID = actionID; self.channel = channel; self.attempt = attempt; self.at = at
        self.error = error; self.retryAt = retryAt; self.claim = claim
    }

    /// Whether the channel confirmed the action.
    public var delivered: Bool { error == nil }
}
