import CrescendoCore

/// The response a write under an `Idempotency-Key` gave, kept to be given again.
public struct StoredReply: Sendable, Equatable {
    public var status: Int
    /// The JSON body, as sent.
    public var body: String
    public init(status: Int, body: String) { self.status = status; self.body = body }
}

/// A claimed key as stored: its fingerprint, the first response, and when it was first used.
public struct IdempotencyRecord: Sendable, Equatable {
    public var fingerprint: String
    public var reply: StoredReply
    public var createdAt: Instant
    public init(fingerprint: String, reply: StoredReply, createdAt: Instant) {
        self.fingerprint = fingerprint; self.reply = reply; self.createdAt = createdAt
    }
}
