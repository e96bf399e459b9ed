import Yams

/// A mapping whose keys were checked against its shape: each value can be looked up by its
/// key, and each key's own node is kept for messages that point at the key. Looking up a key
/// the shape does not list is a mistake in the parser (the table must list every key it reads).
struct Fields {
    let node: Node
    let shape: Shape
    let entries: [(key: String, keyNode: Node, value: Node)]
    private let index: [String: Int]

    init(node: Node, shape: Shape, entries: [(key: String, keyNode: Node, value: Node)]) {
        self.node = node
        self.shape = shape
        self.entries = entries
        self.index = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(key: String) -> Node? { look(key).map { entries[$0].value } }
    func keyNode(_ key: String) -> Node? { look(key).map { entries[$0].keyNode } }
    func has(_ key: String) -> Bool { look(key) != nil }

    /// The entries whose keys name a form of the shape, in file order.
    var formEntries: [(key: String, keyNode: Node, value: Node)] { entries.filter { shape.form($0.key) != nil } }

    private func look(_ key: String) -> Int? {
        assert(shape.accepts(key), "the parser reads '\(key)', which the table of \(shape.name) does not list (add it to Shapes)")
        return index[key]
    }
}
