/// One field of a web-app form, as the `field` partial shows it: its label, value, choices,
/// and the error in words next to it (`aria-invalid`, `aria-describedby`) when it was refused.
struct AppField {
    enum Kind { case select([(value: String, text: String)]), textarea, input(type: String, numeric: Bool) }

    var name: String
    var label: String
    var kind: Kind
    var value: String = ""
    var hint: String?
    var error: String?
    var required = false
    /// The input's `autocomplete` (the token field is `current-password`, so a password manager keeps it).
    var autocomplete = "off"

    /// The partial's context.
    var context: [String: Any] {
        var c: [String: Any] = ["id": "f-\(name)", "name": name, "label": label, "value": value]
        if let hint { c["hint"] = hint }
        if let error { c["error"] = error }
        let described = [hint.map { _ in "f-\(name)-hint" }, error.map { _ in "f-\(name)-error" }].compactMap { $0 }
        if !described.isEmpty { c["describedby"] = described.joined(separator: " ") }
        switch kind {
        case .select(let options):
            c["select"] = true
            c["options"] = options.map { o -> [String: Any] in ["value": o.value, "text": o.text, "selected": o.value == value] }
        case .textarea:
            c["textarea"] = true
        case .input(let type, let numeric):
            c["input"] = true; c["type"] = type; c["numeric"] = numeric; c["required"] = required; c["autocomplete"] = autocomplete
        }
        return c
    }

    /// Puts back what was typed (`values`, by field name) and the error next to the field it names.
    static func fill(_ fields: inout [AppField], values: [String: String], error: (field: String?, message: String)?) {
        for i in fields.indices {
            if let v = values[fields[i].name] { fields[i].value = v }
            if let error, error.field == fields[i].name { fields[i].error = error.message }
        }
    }
}
