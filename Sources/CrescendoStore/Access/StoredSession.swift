import CrescendoCore

/// A web-app session as the store keeps it: its JSON and when it expires (nil: never).
public struct StoredSession: Hashable, Sendable {
    public var value: String
    public var expiresAt: Instant?
    public init(value: String, expiresAt: Instant?) { self.value = value; self.expiresAt = expiresAt }
}
