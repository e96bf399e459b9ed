extension Campaign {
    /// Why an entry does not fit this campaign (an undeclared kind, demand or area), or `nil`:
    /// the one check behind `ledger add`, `ledger correct` and `POST /api/entries`.
    public func problem(with entry: LedgerEntry) -> EntryProblem? {
        if metric(entry.kind) == nil {
            return EntryProblem(field: "kind", message: "unknown kind \"\(entry.kind)\" (declared metrics: \(metrics.map(\.id).joined(separator: ", ")))")
        }
        if let d = entry.demand, demand(d) == nil {
            return EntryProblem(field: "demand", message: "undeclared demand \"\(d)\" (declared demands: \(demands.map(\.id).joined(separator: ", ")))")
        }
        if let a = entry.area, !areas.isEmpty, !areas.contains(where: { $0.id == a }) {
            return EntryProblem(field: "area", message: "undeclared area \"\(a)\" (declared areas: \(areas.map(\.id).joined(separator: ", ")))")
        }
        return nil
    }
}
