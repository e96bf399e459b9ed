extension Collisions {
    /// Actions quiet hours held past their window or dropped, and deadlines due inside quiet hours.
    func quietHours() -> [Collision] {
        var out: [Collision] = []
        for o in actions {
            let lost = o.dropped != nil ? "dropped by quiet hours on every channel it goes to"
                : o.deliveries.contains(where: { $0.deliverAt == nil })
                ? "dropped by quiet hours on " + o.deliveries.filter { $0.deliverAt == nil }.map(\.channel).joined(separator: ", ") : nil
            if o.action == "silence" {
                out += silence(o, lost: lost)
                continue
            }
            if let lost {
                out.append(Collision(kind: .droppedByQuietHours, rule: o.rule, requestedAt: o.at, at: nil,
                                     because: "the \(o.action) at \(short(o.at)) was \(lost)"))
            }
            guard let held = o.deliverAt else { continue }
            for w in windows(at: o.at) where held >= w.closes(in: zone) {
                out.append(Collision(kind: .heldPastWindow, rule: o.rule, window: w.id, requestedAt: o.at, at: held,
                                     because: "the \(o.action) at \(short(o.at)), inside \(span(w)), was held by quiet hours until \(short(held)), after the window closed at \(short(w.closes(in: zone)))"))
            }
        }
        return out
    }

    /// A deadline due in quiet hours: its silence, and what rules do about it, wait or are lost.
    private func silence(_ o: Occurrence, lost: String?) -> [Collision] {
        guard lost != nil || o.deliverAt != nil, let n = o.deadline else { return [] }
        let briefed = actions.first { $0.action == "briefing" && $0.deadline == n }?.at ?? o.at
        let then = o.deliverAt.map { "reaches its channels at \(short($0))" } ?? "is \(lost ?? "dropped")"
        return [Collision(kind: .deadlineInQuietHours, rule: o.rule, requestedAt: briefed, at: o.deliverAt,
                          because: "deadline \(n) (\(o.target ?? "the target") on \(o.demand ?? "the demand")) comes due at \(short(o.at)), inside quiet hours: its silence \(then)")]
    }
}
