/// One item of `do`, `then` or `decompression`.
public struct ActionSpec: Hashable, Sendable {
    public var action: ActionKind
    /// `in: D`: delay from the moment the rule fires (or the escalation happens, for follow-ups).
    public var delay: TimeSpan
    /// `channel: ID`: routes the action.
    public var channel: String?
    public init(_ action: ActionKind, delay: TimeSpan = .zero, channel: String? = nil) {
        self.action = action; self.delay = delay; self.channel = channel
    }
}

public enum ActionKind: Hashable, Sendable {
    /// The next tactic of the ladder (`nil`: the only ladder); subject to pacing.
    case escalate(ladder: String?)
    /// A People's Briefing that opens a deadline for the demand's target (or `to`), due `deadline`
    /// later (a length of time or business days).
    case briefing(demand: String, deadline: DeadlineLength, to: String?)
    case ritual(kind: String, text: String)
    case publish(template: String)
    case notify(channel: String?, text: String?, template: String?)
    case rapidResponse(team: String, text: String)

    /// The name used in output (`"action": ...`).
    public var name: String {
        switch self {
        case .escalate: return "escalate"
        case .briefing: return "briefing"
        case .ritual: return "ritual"
        case .publish: return "publish"
        case .notify: return "notify"
        case .rapidResponse: return "rapid_response"
        }
    }

    /// The template the action renders, if any.
    public var template: String? {
        switch self {
        case .publish(let t): return t
        case .notify(_, _, let t): return t
        default: return nil
        }
    }
}
