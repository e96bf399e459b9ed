import Yams

/// A 1-based line and column in a file.
struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
    static let start = Position(line: 1, column: 1)

    init(line: Int, column: Int) { self.line = line; self.column = column }
    /// The node's position, or the start of the file when Yams has none.
    init(_ node: Node) {
        let mark = node.mark
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}
