import CrescendoCore

/// What one scheduler step commits for a campaign, in one transaction.
public struct DaemonStep: Sendable {
    public var campaign: String
    /// Every instant through this one has been judged.
    public var judgedThrough: Instant
    /// The wall-clock time of the step (the daemon was alive then).
    public var aliveAt: Instant
    /// Actions decided; ids already recorded are left as they are.
    public var actions: [ActionRecord]
    /// The engine's pending timers, when they changed since the last step.
    public var timers: [TimerRecord]?
    /// When given, the step is written only while the campaign's lease is still this owner's
    /// under this epoch; otherwise `commit` throws `LeaseLost` and writes nothing.
    public var fence: LeaseFence?

    public init(campaign: String, judgedThrough: Instant, aliveAt: Instant, actions: [ActionRecord], timers: [TimerRecord]?,
                fence: LeaseFence? = nil) {
        self.campaign = campaign; self.judgedThrough = judgedThrough; self.aliveAt = aliveAt
        self.actions = actions; self.timers = timers; self.fence = fence
    }
}
