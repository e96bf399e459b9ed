import CrescendoCore

/// Numbers actions that share (at, rule, action), in the order the engine decides them, for
/// `Occurrence.id(ordinal:)`. Every action at an instant is decided in one judgement, so the
/// numbering is the same on every replay of the same facts.
struct OccurrenceIDs {
    private var at = Instant.distantPast
    private var counts: [String: Int] = [:]

    mutating func id(for o: Occurrence) -> String {
        if o.at != at { at = o.at; counts.removeAll(keepingCapacity: true) }
        let key = o.rule + "\u{1F}" + o.action
        let n = (counts[key] ?? 0) + 1
        counts[key] = n
        return o.id(ordinal: n)
    }
}
