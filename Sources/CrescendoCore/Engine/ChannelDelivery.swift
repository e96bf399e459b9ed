/// When an action reaches one of its channels under quiet hours: `deliverAt` is its own `at`
/// when nothing holds it, later when quiet hours defer it, and nil when they drop it.
public struct ChannelDelivery: Hashable, Sendable {
    public var channel: String
    public var deliverAt: Instant?
    public init(channel: String, deliverAt: Instant?) { self.channel = channel; self.deliverAt = deliverAt }
}
