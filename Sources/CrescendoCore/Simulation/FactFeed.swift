/// An engine being fed facts in `FactOrder`: entries one at a time as they stream past, with
/// the held side facts (indicator samples, responses) handed over before each, and the actions
/// decided so far. `Simulation.run` and `ScenarioRun` both feed the engine through it, so
/// that a scenario is simulated exactly as `simulate` simulates the same facts.
///
/// It is a value: a copy is the engine's whole state at that point (the engine holds only
/// arrays, dictionaries and values, which copy on write), which is how scenarios share the
/// work before their facts part.
struct FactFeed {
    var engine: Engine
    var out: [Occurrence] = []
    var others: FactOrder
    private var lastEntry = Instant.distantPast
    /// Whether an entry earlier than the one before it throws `Simulation.Unsorted`.
    let requireOrder: Bool

    init(engine: Engine, others: FactOrder, requireOrder: Bool) {
        self.engine = engine; self.others = others; self.requireOrder = requireOrder
    }

    /// Records an entry, after every held fact due at or before it.
    @inline(__always)
    mutating func record(_ entry: LedgerEntry, keys: EntryKeys) throws {
        let at = entry.at
        if requireOrder, at < lastEntry { throw Simulation.Unsorted() }
        lastEntry = at
        // Facts go in `FactOrder`, so the engine finds none late; if it ever did, the run fails.
        while others.hasFact(before: at) { try engine.record(others.take(), into: &out) }
        try engine.record(entry: entry, keys: keys, into: &out)
    }

    /// Records the held facts left and judges through the end.
    mutating func finish() throws {
        try others.feedRest { try engine.record($0, into: &out) }
        engine.finish(into: &out)
    }

    /// The run's result.
    func result(sortedInMemory: Bool) -> Simulation.Result {
        Simulation.Result(occurrences: out, engine: engine, endedAt: engine.processedThrough, sortedInMemory: sortedInMemory)
    }
}
