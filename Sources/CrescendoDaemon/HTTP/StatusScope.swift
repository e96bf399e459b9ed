/// How much of each campaign `GET /api/status` shows: a bounded summary per rule (the
/// default), or one rule in full (`?rule=ID`, optionally with `&campaign=ID`).
enum StatusScope: Sendable, Equatable {
    case summary
    case rule(String, campaign: String?)

    /// At most this many deadlines and timers per campaign in the summary; the totals say how many there are.
    static let listed = 20
}
