/// Somewhere an action goes: a file, a webhook or a command.
///
/// `deliver` returns only once the channel confirmed the action (fsynced, 2xx, exit 0) and
/// throws `DeliveryFailure` otherwise; the dispatcher retries and finally dead-letters.
/// Implementations must be safe to call again with the same id (after a crash between the
/// delivery and its record in the database).
public protocol DeliveryChannel: Sendable {
    /// Delivers one action: `payload` is its JSON line, `id` its stable id.
    func deliver(id: String, payload: String) async throws
}

/// Why a delivery attempt failed, one sentence.
public struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
