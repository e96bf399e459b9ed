import CrescendoCore

/// When to say that a periodic job keeps failing (the audit flush every 2 s while the database
/// is lost): the first failure, then at most once every `every` seconds with the count of
/// failed rounds since it was last said, and the recovery, once. Pure: time is passed in.
struct RepeatedFailure: Sendable {
    let every: Int64
    /// When the current run of failures began and was last said, and the rounds failed since then.
    private var run: (since: Instant, said: Instant, unsaid: Int)?

    init(every: Int64 = 60) { self.every = every }

    /// Whether a run of failures is under way.
    var isFailing: Bool { run != nil }

    /// A failed round at `t`: what to log, or nil to stay quiet this time.
    mutating func failed(_ what: String, at t: Instant) -> String? {
        guard var r = run else {
            run = (t, t, 0)
            return "\(what), retrying every round"
        }
        guard t.seconds - r.said.seconds >= every else {
            r.unsaid += 1
            run = r
            return nil
        }
        let rounds = r.unsaid + 1
        run = (r.since, t, 0)
        return "\(what), still failing since \(r.since) (\(rounds) more failed round\(rounds == 1 ? "" : "s"))"
    }

    /// A round that succeeded at `t`: what to log when it ends a run of failures, else nil.
    mutating func succeeded(_ what: String, at t: Instant) -> String? {
        guard let r = run else { return nil }
        run = nil
        return "\(what) again after failing for \(t.seconds - r.since.seconds) s"
    }
}
