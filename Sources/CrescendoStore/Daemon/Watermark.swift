import CrescendoCore

/// A campaign's persisted progress.
public struct Watermark: Hashable, Sendable {
    /// Every instant through this one was judged and its actions recorded.
    public var judgedThrough: Instant
    /// The last time a step was committed.
    public var aliveAt: Instant
    public init(judgedThrough: Instant, aliveAt: Instant) { self.judgedThrough = judgedThrough; self.aliveAt = aliveAt }
}
