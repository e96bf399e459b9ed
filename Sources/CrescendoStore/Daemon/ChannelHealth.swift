/// Deliveries of one channel by state, and its latest error.
public struct ChannelHealth: Hashable, Sendable {
    public var campaign: String
    public var channel: String
    public var pending: Int
    public var delivered: Int
    public var dead: Int
    public var lastError: String?
}
