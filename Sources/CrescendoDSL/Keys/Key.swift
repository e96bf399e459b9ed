/// One key of a mapping of the campaign language: its name, what its value may be, whether it
/// must be there, and what it means. `NodeReader.fields` accepts exactly the keys of a
/// `Shape`, and `SchemaBuilder` writes the JSON Schema from the same keys.
struct Key: Sendable {
    /// Whether a key must be present, and who says so when it is missing.
    enum Need: Equatable, Sendable {
        case optional
        /// Required; `NodeReader.fields` reports "NAME needs 'KEY'" at the mapping.
        case required
        /// Required; the parser reports its absence in its own words (with a hint).
        case requiredWithOwnMessage
    }

    let name: String
    let value: ValueType
    let need: Need
    /// What the key means, for editors (the schema's `description`).
    let description: String?
    /// Whether `NAME.xx` is accepted too, a language variant (`file.fr`), as template ids are.
    let localized: Bool

    init(_ name: String, _ value: ValueType, _ need: Need = .optional, _ description: String? = nil, localized: Bool = false) {
        self.name = name
        self.value = value
        self.need = need
        self.description = description
        self.localized = localized
    }

    var isRequired: Bool { need != .optional }

    /// Whether a key written `written` is this key (or, when localized, a language variant of it).
    func matches(_ written: String) -> Bool {
        written == name || localized && written != name && TemplateID.base(of: written) == name
    }

    /// The keys a schema's `patternProperties` gives to the language variants of a localized key.
    var variantPattern: String {
        "^\(name)\\.[A-Za-z]{2,3}(-[^.]*)?$"  // key names are snake_case: nothing to escape
    }
}
