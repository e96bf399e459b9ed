/// A place where a campaign's own structure works against it, found in a dry run's actions
/// (`crescendo simulate ... --collisions`): what happened, to which rule, in which window,
/// when it was asked for and when (if at all) it happened, and why, in a sentence.
public struct Collision: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// An escalation requested while a window was open happened after it closed, or was suppressed.
        case deferredPastWindow = "deferred_past_window"
        /// A briefing made while a window was open has its deadline due after it closed.
        case deadlineAfterWindow = "deadline_after_window"
        /// An escalation request was absorbed into an escalation requested earlier.
        case coalescedAway = "coalesced_away"
        /// Quiet hours held an action made while a window was open until after it closed.
        case heldPastWindow = "held_past_window"
        /// Quiet hours dropped an action (on every channel it goes to, or on some).
        case droppedByQuietHours = "dropped_by_quiet_hours"
        /// A deadline comes due on a weekend day or a holiday of the campaign's calendar.
        case deadlineOnClosedDay = "deadline_on_closed_day"
        /// A deadline comes due inside quiet hours, so its silence is held or dropped.
        case deadlineInQuietHours = "deadline_in_quiet_hours"
        /// A follow-up ritual of one escalation comes after the next escalation already happened.
        case ritualAfterNextEscalation = "ritual_after_next_escalation"
    }

    public var kind: Kind
    public var rule: String
    /// The window the collision is about (for `deferred_past_window`, `deadline_after_window`
    /// and `held_past_window`); nil for the other kinds.
    public var window: String?
    /// When it was asked for: the request, the briefing, the action, the escalation followed.
    public var requestedAt: Instant
    /// When it happened (or comes due); nil when it never did.
    public var at: Instant?
    public var because: String

    public init(kind: Kind, rule: String, window: String? = nil, requestedAt: Instant, at: Instant?, because: String) {
        self.kind = kind; self.rule = rule; self.window = window; self.requestedAt = requestedAt; self.at = at; self.because = because
    }

    /// One line of `--collisions --format json`: `scenario` (when given) first, then `kind`,
    /// `rule`, `window`, `requested_at`, `at` (null when it never happened) and `because`.
    public func json(scenario: String? = nil) -> JSONValue {
        .object((scenario.map { [("scenario", JSONValue.string($0))] } ?? []) + [
            ("kind", .string(kind.rawValue)), ("rule", .string(rule)), ("window", .maybe(window)),
            ("requested_at", .instant(requestedAt)), ("at", .instant(at)), ("because", .string(because)),
        ])
    }
}
