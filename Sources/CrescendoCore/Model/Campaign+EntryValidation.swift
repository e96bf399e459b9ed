extension Campaign {
    /// Why an entry does not fit this campaign (an undeclared kind, demand or area), or `nil`.
    public func problem(with entry: LedgerEntry) -> String? {
        if metric(entry.kind) == nil {
            return "unknown kind \"\(entry.kind)\" (declared metrics: \(metrics.map(\.id).joined(separator: ", ")))"
        }
        if let d = entry.demand, demand(d) == nil {
            return "undeclared demand \"\(d)\" (declared demands: \(demands.map(\.id).joined(separator: ", ")))"
        }
        if let a = entry.area, !areas.isEmpty, !areas.contains(where: { $0.id == a }) {
            return "undeclared area \"\(a)\" (declared areas: \(areas.map(\.id).joined(separator: ", ")))"
        }
        return nil
    }
}
