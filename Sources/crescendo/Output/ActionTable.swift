import CrescendoCore

/// Actions as an aligned table for people: local time, rule, action, what, and because.
struct ActionTable {
    let zone: Zone

    func render(_ actions: [Occurrence]) -> String {
        guard !actions.isEmpty else { return "No actions.\n" }
        let header = ["WHEN (\(zone.identifier))", "RULE", "ACTION", "WHAT", "BECAUSE"]
        let rows = actions.map { o in [zone.short(o.at), o.rule, o.action + (o.late ? " (late)" : ""), what(o), o.because] }
        var widths = header.map(\.count)
        for r in rows { for (i, cell) in r.enumerated() where i < 4 { widths[i] = max(widths[i], cell.count) } }
        widths[3] = min(widths[3], 60)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                guard i < 4 else { return cell }
                let c = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                return c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(actions.count) action\(actions.count == 1 ? "" : "s")\n"
    }

    /// The short "what" of an action: tactic, deadline, ritual kind, channel, area.
    func what(_ o: Occurrence) -> String {
        var parts: [String] = []
        if o.suppressed { parts.append("suppressed: \(o.reason ?? "")") }
        if let t = o.tactic { parts.append("tactic \(t)") }
        if let n = o.coalesced { parts.append("×\(n)") }
        if let d = o.deferredFrom { parts.append("deferred from \(zone.short(d))") }
        if let n = o.deadline {
            parts.append("deadline \(n)" + (o.action == "briefing" ? " due \(zone.short(o.due!))" : "") + (o.target.map { " (\($0))" } ?? ""))
        }
        if let k = o.kind { parts.append(k) }
        if let a = o.area { parts.append("area \(a)") }
        if let c = o.channel { parts.append("→ \(c)") }
        if let t = o.team { parts.append("team \(t)") }
        if parts.isEmpty || o.action == "publish" || o.action == "notify", let text = o.text { parts.append("\"\(text)\"") }
        return parts.joined(separator: " ")
    }
}
