extension Occurrence {
    /// The action's JSON, built once: the fields of `simulate --format json`, in their fixed
    /// order. `simulate --format json`, what channels receive (`json(id:)`), the daemon's stored
    /// payload and `GET /api/actions` are all this value.
    ///
    /// Order: `at`, `rule`, `action`, then as they apply `tactic`, `demand`, `deadline`, `due`,
    /// `kind`, `channel`, `text`, `area`, `per`, `group`, `deferred_from`, `coalesced`,
    /// `suppressed`, `reason`, `follows`, `late`, `deliver_at`, `dropped`, then Crescendo's
    /// additions `deliveries` (per channel, under quiet hours), `target`, `team`,
    /// `template`, `seq`, and last `because`.
    public var json: JSONValue { .object(jsonFields) }

    /// The same with the action's stable id first: what a channel receives.
    public func json(id: String) -> JSONValue { .object([("id", .string(id))] + jsonFields) }

    /// One line of JSON, byte-identical for the same occurrence on every run.
    public var jsonLine: String { json.text }

    /// The fields of `json`, in order.
    public var jsonFields: [(String, JSONValue)] {
        var f: [(String, JSONValue)] = [("at", .string(at.iso8601)), ("rule", .string(rule)), ("action", .string(action))]
        f.reserveCapacity(12)
        func add(_ k: String, _ v: String?) { if let v { f.append((k, .string(v))) } }
        add("tactic", tactic)
        add("demand", demand)
        if let deadline { f.append(("deadline", .int(deadline))) }
        add("due", due?.iso8601)
        add("kind", kind)
        add("channel", channel)
        add("text", text)
        add("area", area)
        if let group { f.append(("per", .string(group.per.rawValue))); f.append(("group", .string(group.key))) }
        add("deferred_from", deferredFrom?.iso8601)
        if let coalesced { f.append(("coalesced", .int(coalesced))) }
        if suppressed { f.append(("suppressed", .bool(true))) }
        add("reason", reason)
        add("follows", follows)
        if late { f.append(("late", .bool(true))) }
        add("deliver_at", deliverAt?.iso8601)
        add("dropped", dropped)
        if !deliveries.isEmpty {
            f.append(("deliveries", .array(deliveries.map { d in
                .object([("channel", .string(d.channel))] + (d.deliverAt.map { [("deliver_at", .string($0.iso8601))] } ?? [("dropped", .string("quiet_hours"))]))
            })))
        }
        add("target", target)
        add("team", team)
        add("template", template)
        if let seq { f.append(("seq", .int(seq))) }
        add("because", because)
        return f
    }

    /// The value of a field as `ActionPattern` compares it: strings as they are, numbers and
    /// booleans as their JSON text; `late` and `suppressed` are `false` when absent.
    public func fieldText(_ name: String) -> String? {
        guard let v = jsonFields.first(where: { $0.0 == name })?.1 else { return name == "late" || name == "suppressed" ? "false" : nil }
        if case .string(let s) = v { return s }
        return v.text
    }
}
