/// "Why not yet": where each rule stands, and what is pending, at an instant.
public struct StatusReport: Sendable {
    public struct RuleLine: Sendable, Hashable {
        public var rule: String
        /// One sentence each: distance to the next milestone, a threshold against its limit, ...
        public var lines: [String]
    }
    public struct DeadlineLine: Sendable, Hashable {
        public var record: DeadlineRecord
        /// Whole days until due (positive) or of silence since the briefing (once missed).
        public var days: Int64
        public var sentence: String
    }
    /// A milestone date forecast from the last four weeks' rate.
    public struct Forecast: Sendable, Hashable {
        public var rule: String
        public var milestone: Int64
        public var remaining: Int64
        public var expected: Instant?
        public var earliest: Instant?
        public var latest: Instant?
        public var sentence: String
    }

    public var at: Instant
    public var entries: Int64
    public var silences: Int64
    public var rules: [RuleLine]
    public var pacing: [String]
    public var deadlines: [DeadlineLine]
    public var forecasts: [Forecast]
    /// Notes the engine made on the way (responses to unknown deadlines, ...).
    public var notes: [String]
}
