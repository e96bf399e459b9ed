import Yams

/// A mapping whose keys were checked: each value can be looked up by its key, and each key's
/// own node is kept for messages that point at the key.
struct Fields {
    let node: Node
    let entries: [(key: String, keyNode: Node, value: Node)]
    private let index: [String: Int]

    init(node: Node, entries: [(key: String, keyNode: Node, value: Node)]) {
        self.node = node
        self.entries = entries
        self.index = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(key: String) -> Node? { index[key].map { entries[$0].value } }
    func keyNode(_ key: String) -> Node? { index[key].map { entries[$0].keyNode } }
    func has(_ key: String) -> Bool { index[key] != nil }
}
