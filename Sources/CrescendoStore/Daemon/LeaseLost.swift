/// A write of engine output refused, writing nothing, because the campaign's lease is no
/// longer the writer's under that epoch (another daemon took it over, or it was released).
/// The scheduler answers it by dropping its runtime for the campaign.
public struct LeaseLost: Error, Hashable, Sendable, CustomStringConvertible {
    public var campaign: String
    public var fence: LeaseFence

    public init(campaign: String, fence: LeaseFence) {
        self.campaign = campaign; self.fence = fence
    }

    public var description: String {
        "the lease of \(campaign) is no longer \(fence.owner)'s under epoch \(fence.epoch): another daemon judges it; nothing was written"
    }
}
