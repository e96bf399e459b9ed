extension Engine {
    /// This engine with its rolling windows holding only the entries still in them, in arrays
    /// of their own: what `EngineCheckpoints` keeps, so that a checkpoint costs its windows,
    /// not the spare room of the live engine's.
    func compactedForCheckpoint() -> Engine {
        var copy = self
        for a in copy.aggregators.indices { copy.aggregators[a].compactForCopy() }
        return copy
    }
}
