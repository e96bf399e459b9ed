import CrescendoCore
import Yams

/// Whether a `privacy.redact` pattern can be used: it must compile on the linear-time engine
/// the recorder and the publisher use (`LinearPattern`), match no empty text and nest no
/// unbounded repetition (`LinearPattern.hazard`).
enum RegexCheck {
    /// What is wrong with the pattern and where: its position in the file (the node's, moved
    /// past an opening quote by the offset in the pattern), or nil when it can be used.
    static func problem(_ pattern: String, at node: Node) -> (position: Position, message: String)? {
        let offset: Int
        let reason: String
        do {
            let compiled = try LinearPattern(pattern)
            guard let hazard = compiled.hazard else { return nil }
            (offset, reason) = (0, hazard)
        } catch let e as PatternError {
            (offset, reason) = (e.offset, e.message)
        } catch {
            (offset, reason) = (0, "\(error)")
        }
        var at = Position(node)
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        at.column += offset + (quoted ? 1 : 0)
        return (at, "the pattern \"\(pattern)\" cannot be used: \(reason)")
    }
}
