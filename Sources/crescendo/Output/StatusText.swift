import CrescendoCore

/// The "why not yet" report as text.
enum StatusText {
    static func render(_ s: StatusReport, zone: Zone, title: String) -> String {
        var out = "\(title)\n"
        out += "  ledger: \(s.entries) entries, \(s.silences) silence\(s.silences == 1 ? "" : "s")\n"
        for line in s.pacing { out += "  pacing: \(line)\n" }
        for d in s.deadlines { out += "  \(d.sentence)\n" }
        for r in s.rules {
            out += "  \(r.rule)\n"
            for l in r.lines { out += "    \(l)\n" }
        }
        for n in s.notes.prefix(20) { out += "  note: \(n)\n" }
        if s.notes.count > 20 { out += "  note: and \(s.notes.count - 20) more\n" }
        return out
    }
}
