/// One of the alternative sets of keys of a shape (a file channel; an indicator series). A key
/// no variant names belongs to every variant (a channel's `type`). The parser reads the union
/// and checks the alternatives in its own words; the schema states them as `oneOf`.
struct Variant: Sendable {
    /// The key and the value that select this variant (`type: file`), when one does.
    let selector: (key: String, value: String)?
    /// The keys only this variant (of those that name keys) takes.
    let keys: [String]
    /// Which of `keys` this variant needs (besides the shape's required keys no variant names).
    let required: [String]

    init(when selector: (key: String, value: String)? = nil, keys: [String], required: [String]) {
        self.selector = selector
        self.keys = keys
        self.required = required
    }
}
