import CrescendoCore

/// A pending engine timer as the daemon persists it (a snapshot per scheduler step).
public struct TimerRecord: Hashable, Sendable {
    public var campaign: String
    public var timer: PendingTimer
    public init(campaign: String, timer: PendingTimer) { self.campaign = campaign; self.timer = timer }
}
