/// Deliveries of one channel by state, and its latest error.
public struct ChannelHealth: Hashable, Sendable {
    public var campaign: String
    public var channel: String
    public var pending: Int
    public var delivered: Int
    public var dead: Int
    public var lastError: String?

    public init(campaign: String, channel: String, pending: Int, delivered: Int, dead: Int, lastError: String?) {
        self.campaign = campaign; self.channel = channel; self.pending = pending; self.delivered = delivered
        self.dead = dead; self.lastError = lastError
    }
}
