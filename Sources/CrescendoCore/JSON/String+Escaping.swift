extension String {
    /// The string with each Unicode scalar that `replacement` names replaced by what it gives;
    /// the one escaping loop behind JSON string literals (`jsonString`) and HTML text.
    public func escaped(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for u in unicodeScalars {
            if let r = replacement(u) { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

/// A JSON string literal with the escapes RFC 8259 requires.
public func jsonString(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
    return "\"" + s.escaped { u in
        switch u {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            guard u.value < 0x20 else { return nil }
            let h = String(u.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - h.count) + h
        }
    } + "\""
}
