import CrescendoCore

/// `simulate --collisions --format table`: one finding a line, with the scenario first when
/// there are scenarios; times local.
struct CollisionTable {
    let zone: Zone

    func render(_ findings: [(scenario: String?, collision: Collision)]) -> String {
        guard !findings.isEmpty else { return "No collisions: nothing works against the campaign's own structure.\n" }
        let scenarios = findings.contains { $0.scenario != nil }
        var rows = [(scenarios ? ["SCENARIO"] : []) + ["KIND", "RULE", "WINDOW", "REQUESTED (\(zone.identifier))", "AT", "BECAUSE"]]
        for (scenario, c) in findings {
            rows.append((scenarios ? [scenario ?? ""] : []) + [c.kind.rawValue, c.rule, c.window ?? "—", zone.short(c.requestedAt),
                                                               c.at.map(zone.short) ?? "never", c.because])
        }
        return TextTable.render(rows) + "\(findings.count) collision\(findings.count == 1 ? "" : "s")\n"
    }
}
