/// Why a pattern cannot run in linear time, or does not parse: a sentence, and the offset
/// (in characters, from 0) in the pattern where the problem starts.
public struct PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }
    public var description: String { "\(message) (at character \(offset + 1) of the pattern)" }
}
