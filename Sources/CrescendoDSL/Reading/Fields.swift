import Yams

/// A mapping whose keys were checked: each value can be looked up by its key, and each key's
/// own node is kept for messages that point at the key.
struct Fields {
    let node: Node
    let entries: [(key: String, keyNode: Node, value: Node)]

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }
    func keyNode(_ key: String) -> Node? { entries.first { $0.key == key }?.keyNode }
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }
}
