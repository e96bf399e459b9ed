/// Copies of an engine kept at points in fact time, so that a late fact (one dated at or
/// before what the engine has judged) costs a replay of what came after it, not of the whole
/// ledger: restore the latest checkpoint before the fact, feed the facts from the instant after
/// it, and advance to now.
///
/// A checkpoint at `c` is the engine after every fact dated at or before `c` was recorded and
/// every instant through `c` judged, and nothing later recorded. `Engine` is a value (arrays,
/// dictionaries and values, copied on write), so a checkpoint is a copy of it; `Extra` is what
/// else the caller needs to continue identically from there (the daemon keeps its action
/// numbering, `OccurrenceIDs`).
///
/// Checkpoints are taken at the end of a UTC day: before the engine records a fact, or is
/// advanced, into a later day than the last checkpoint's, `due(before:engine:)` names the last
/// second of the day before, the caller advances the engine through it (which changes nothing
/// the engine would decide: it judges those instants before the next fact anyway) and `keep`s
/// it. `Policy` thins them out further back and bounds their number.
///
/// The type is pure: it never reads the clock; the same facts give the same checkpoints.
public struct EngineCheckpoints<Extra> {
    /// One checkpoint: the engine judged through `at`, and the caller's state with it.
    public struct Checkpoint {
        public let at: Instant
        public let engine: Engine
        public let extra: Extra
        /// The first instant whose facts a state restored from it must be fed again.
        public var replayFrom: Instant { at + TimeSpan(seconds: 1) }
    }

    /// How many checkpoints are kept: one per day for the newest `dailyDays` days (counted back
    /// from the newest checkpoint's day), then one per 7-day week for `weeklyWeeks` weeks, then
    /// one per 28 days, `limit` at most in all (the oldest go first).
    public struct Policy: Sendable, Equatable {
        public var dailyDays: Int64 = 14
        public var weeklyWeeks: Int64 = 8
        public var limit = 32
        /// The defaults: 14 days, 8 weeks, 32 in all.
        public init() {}
    }

    public let policy: Policy
    /// The checkpoints kept, oldest first.
    public private(set) var all: [Checkpoint] = []
    /// The first second of the day after the newest checkpoint's day: facts before it are in a
    /// day already checkpointed (the fast path of `due`, called before every fact).
    private var horizon = Int64.min

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    public var count: Int { all.count }

    /// The instant through which to advance `engine` and keep a checkpoint before it records a
    /// fact at `t` (or is advanced through `t`): the last second of the day before `t`'s, when
    /// no checkpoint is at or after it and the engine has neither judged nor recorded past it.
    @inline(__always)
    public func due(before t: Instant, engine: Engine) -> Instant? {
        guard t.seconds >= horizon, policy.limit > 0 else { return nil }
        let b = Instant(seconds: floorDiv(t.seconds, 86_400) * 86_400 - 1)
        if let last = all.last, last.at >= b { return nil }
        guard engine.processedThrough <= b, (engine.pendingAt ?? b) <= b else { return nil }
        return b
    }

    /// When a checkpoint is due before `t`, advances `engine` through it (appending what it
    /// decides to `sink`) and returns its instant, for the caller to `keep` with its state.
    @inline(__always)
    public func advance(_ engine: inout Engine, toCheckpointBefore t: Instant, into sink: inout [Occurrence]) -> Instant? {
        guard let b = due(before: t, engine: engine) else { return nil }
        engine.advance(through: b, into: &sink)
        return b
    }

    /// Keeps `engine` (which must have judged through `at`, or through its campaign's end) as
    /// the checkpoint at `at`, and thins out the older ones by the policy.
    public mutating func keep(_ engine: Engine, at: Instant, extra: Extra) {
        precondition(engine.processedThrough <= at && (engine.pendingAt ?? at) <= at, "a checkpoint holds nothing after its instant")
        guard policy.limit > 0 else { return }
        if let last = all.last, last.at >= at { discard(from: at) }
        all.append(Checkpoint(at: at, engine: engine.compactedForCheckpoint(), extra: extra))
        horizon = (floorDiv(at.seconds, 86_400) + 1) * 86_400
        thin()
    }

    /// The latest checkpoint strictly before `t`: the state to restore for a fact at `t`.
    public func latest(before t: Instant) -> Checkpoint? {
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].at < t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : all[lo - 1]
    }

    /// For a late fact at `t`: the latest checkpoint before it, to restore and feed again from
    /// its `replayFrom`, with every checkpoint at or after `t` (which lack the fact) forgotten;
    /// nil, and nothing forgotten, when no checkpoint is that early.
    public mutating func rewind(before t: Instant) -> Checkpoint? {
        guard let c = latest(before: t) else { return nil }
        discard(from: t)
        return c
    }

    /// Forgets every checkpoint at or after `t` (they lack a fact dated `t`); call it with the
    /// late fact's instant when restoring an earlier one.
    public mutating func discard(from t: Instant) {
        while let last = all.last, last.at >= t { all.removeLast() }
        horizon = all.last.map { (floorDiv($0.at.seconds, 86_400) + 1) * 86_400 } ?? .min
    }

    /// Keeps the newest checkpoint of each bucket (a day, a week, or 28 days by age), newest
    /// buckets first, at most `limit`.
    private mutating func thin() {
        guard let newest = all.last, all.count > 1 else { return }
        let today = floorDiv(newest.at.seconds, 86_400)
        var kept: [Checkpoint] = []
        var lastBucket: (Int, Int64)?
        for c in all.reversed() {
            guard kept.count < policy.limit else { break }
            let day = floorDiv(c.at.seconds, 86_400)
            let age = today - day
            let bucket: (Int, Int64)
            if age < policy.dailyDays {
                bucket = (0, day)
            } else if age < policy.dailyDays + 7 * policy.weeklyWeeks {
                bucket = (1, floorDiv(day, 7))
            } else {
                bucket = (2, floorDiv(day, 28))
            }
            if let b = lastBucket, b == bucket { continue }
            lastBucket = bucket
            kept.append(c)
        }
        if kept.count != all.count { all = kept.reversed() }
    }
}
