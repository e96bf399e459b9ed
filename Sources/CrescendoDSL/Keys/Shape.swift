/// The keys one kind of mapping takes: the one table the parser reads its keys from (unknown
/// keys, "did you mean", missing required keys) and the JSON Schema is written from. The
/// tables themselves are `Shapes`.
struct Shape: Sendable {
    /// How messages name a mapping of this shape: "unknown key 'x' in a rule".
    let name: String
    /// The keys, in the order messages list them ("known keys: ...", ties of "did you mean").
    let keys: [Key]
    /// The key names, in order.
    let names: [String]
    /// The `$defs` entry the schema gives this shape and refers to; `nil`: written in place.
    let definition: String?
    /// What a mapping of this shape is, for editors (the schema adds the forms, if any).
    let description: String?
    /// Form keys, of which a mapping holds exactly one (triggers, conditions, actions).
    let forms: [Form]
    /// Keys that may not be used together (`above` and `below`).
    let exclusive: [String]
    /// Keys of which at least one must be present (a rule library's `rules` or `templates`).
    let atLeastOne: [String]
    /// Alternative sets of keys; empty when the keys go together freely. A key no variant names
    /// belongs to every variant.
    let variants: [Variant]

    init(_ name: String, definition: String? = nil, description: String? = nil, keys: [Key], forms: [Form] = [],
         exclusive: [String] = [], atLeastOne: [String] = [], variants: [Variant] = []) {
        self.name = name
        self.keys = keys
        self.names = keys.map(\.name)
        self.definition = definition
        self.description = description
        self.forms = forms
        self.exclusive = exclusive
        self.atLeastOne = atLeastOne
        self.variants = variants
        let named = forms.flatMap { [$0.key] + ($0.takes ?? []) } + exclusive + atLeastOne + variants.flatMap { $0.keys + $0.required }
        assert(Set(names).count == names.count && named.allSatisfy(names.contains), "the table of \(name) names a key twice or one it lacks")
    }

    subscript(_ key: String) -> Key? { keys.first { $0.name == key } }

    /// Whether a mapping of this shape may hold a key written `written`.
    func accepts(_ written: String) -> Bool { names.contains(written) || keys.contains { $0.localized && $0.matches(written) } }

    /// The keys no variant names: every variant takes them.
    var common: [Key] { keys.filter { key in !variants.contains { $0.keys.contains(key.name) } } }

    /// The form `key` names, if it names one.
    func form(_ key: String) -> Form? { forms.first { $0.key == key } }

    /// The same keys under another name in messages (metrics and indicators take the same keys).
    func named(_ name: String) -> Shape {
        Shape(name, definition: definition, description: description, keys: keys, forms: forms,
              exclusive: exclusive, atLeastOne: atLeastOne, variants: variants)
    }
}
