extension Occurrence {
    /// The fields of `simulate --format json`, in their fixed order, as JSON text values.
    ///
    /// Order: `at`, `rule`, `action`, then as they apply `tactic`, `demand`, `deadline`, `due`,
    /// `kind`, `channel`, `text`, `area`, `deferred_from`, `coalesced`, `suppressed`, `reason`,
    /// `follows`, `late`, then Crescendo's additions `target`, `team`, `template`, `seq`, and
    /// last `because`.
    public var jsonFields: [(String, String)] {
        var f: [(String, String)] = [("at", jsonString(at.iso8601)), ("rule", jsonString(rule)), ("action", jsonString(action))]
        func add(_ k: String, _ v: String?) { if let v { f.append((k, jsonString(v))) } }
        add("tactic", tactic)
        add("demand", demand)
        if let deadline { f.append(("deadline", String(deadline))) }
        add("due", due?.iso8601)
        add("kind", kind)
        add("channel", channel)
        add("text", text)
        add("area", area)
        add("deferred_from", deferredFrom?.iso8601)
        if let coalesced { f.append(("coalesced", String(coalesced))) }
        if suppressed { f.append(("suppressed", "true")) }
        add("reason", reason)
        add("follows", follows)
        if late { f.append(("late", "true")) }
        add("target", target)
        add("team", team)
        add("template", template)
        if let seq { f.append(("seq", String(seq))) }
        add("because", because)
        return f
    }

    /// One line of JSON, byte-identical for the same occurrence on every run.
    public var jsonLine: String {
        var out = "{"
        out.reserveCapacity(512)
        for (i, (key, value)) in jsonFields.enumerated() {
            if i > 0 { out += "," }
            out += "\""; out += key; out += "\":"; out += value
        }
        out += "}"
        return out
    }

    /// The value of a field as `ActionPattern` compares it: strings unquoted, numbers and
    /// booleans as their JSON text.
    public func fieldText(_ name: String) -> String? {
        guard let v = jsonFields.first(where: { $0.0 == name })?.1 else { return name == "late" || name == "suppressed" ? "false" : nil }
        return v.hasPrefix("\"") ? jsonUnescape(v) : v
    }
}

/// A JSON string literal with the escapes RFC 8259 requires.
public func jsonString(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

func jsonUnescape(_ literal: String) -> String {
    var s = Substring(literal.dropFirst().dropLast())
    var out = ""
    while let c = s.first {
        s = s.dropFirst()
        guard c == "\\", let e = s.first else { out.append(c); continue }
        s = s.dropFirst()
        switch e {
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "u":
            let hex = s.prefix(4); s = s.dropFirst(4)
            if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
        default: out.append(e)
        }
    }
    return out
}
