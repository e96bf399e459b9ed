import CrescendoCore

/// The deadline clock at an instant, as the home page, the silence cards and pages, and the
/// posters show it: every deadline that came due unanswered (a silence, counted in whole days
/// since the briefing, as `crescendo status` counts it, up to the answer if one came late),
/// then the deadlines still open.
struct DeadlineClock: Sendable {
    struct Line: Hashable, Sendable {
        var record: DeadlineRecord
        /// Days of silence (silent) or days left (open).
        var days: Int64
        /// When a late answer ended the silence, if one did by the clock's instant.
        var answeredLate: Instant?
    }

    /// Longest silence first.
    let silent: [Line]
    /// Soonest due first.
    let open: [Line]

    init(_ deadlines: [DeadlineRecord], at t: Instant) {
        var silent: [Line] = [], open: [Line] = []
        for d in deadlines where d.opened <= t {
            let answer = d.answeredAt.flatMap { $0 <= t ? $0 : nil }
            if let answer, answer <= d.due { continue }
            if d.due <= t {
                silent.append(Line(record: d, days: max(0, ((answer ?? t) - d.opened).seconds / 86_400), answeredLate: answer))
            } else {
                open.append(Line(record: d, days: (d.due - t).seconds / 86_400, answeredLate: nil))
            }
        }
        self.silent = silent.sorted { ($1.days, $0.record.number) < ($0.days, $1.record.number) }
        self.open = open.sorted { ($0.record.due, $0.record.number) < ($1.record.due, $1.record.number) }
    }

    /// The silence of deadline `number`, if it is one.
    func silence(_ number: Int) -> Line? { silent.first { $0.record.number == number } }
}
