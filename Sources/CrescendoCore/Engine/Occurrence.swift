/// An action that happens: one line of `simulate --format json`, one row for the daemon.
public struct Occurrence: Hashable, Sendable {
    public var at: Instant
    public var rule: String
    /// `escalate`, `briefing`, `ritual`, `publish`, `notify`, `rapid_response`, or `silence`.
    public var action: String
    public var tactic: String?
    public var tacticText: String?
    public var demand: String?
    public var target: String?
    /// The deadline's number.
    public var deadline: Int?
    public var due: Instant?
    /// A ritual's kind (only that: the key a `per: kind` rule counted is `group`).
    public var kind: String?
    public var channel: String?
    public var team: String?
    public var template: String?
    public var text: String?
    /// The key a `per: area` rule counted (also in `group`).
    public var area: String?
    /// For every action of a rule with `per:`: the dimension and the key it counted.
    public var group: Group?
    public var deferredFrom: Instant?
    /// How many requests this escalation stands for, when more than one.
    public var coalesced: Int?
    public var suppressed: Bool
    public var reason: String?
    /// The rule of the escalation a follow-up follows.
    public var follows: String?
    /// A catch-up firing the daemon issues after being down.
    public var late: Bool
    /// When quiet hours hold it: the instant it has reached every channel that gets it (its
    /// `at` stays when the engine decided it). See `Campaign.planDelivery(of:)`.
    public var deliverAt: Instant?
    /// `quiet_hours` when quiet hours drop it on every channel it goes to.
    public var dropped: String?
    /// One per channel, when it goes to two or more and quiet hours hold or drop it on some.
    public var deliveries: [ChannelDelivery] = []
    /// For an escalation: every request it stands for (or that pacing suppressed), in order.
    /// Not printed; what `--collisions` reads.
    public var requests: [EscalationRequest] = []
    /// For a follow-up: when the escalation it follows happened. Not printed.
    public var followsAt: Instant?
    /// A sentence naming the facts that fired it.
    public var because: String
    /// The ledger entry that fired it, if any.
    public var seq: Int64?
    /// Variables for the action's template.
    public var context: TemplateContext

    public init(at: Instant, rule: String, action: String, because: String, context: TemplateContext = TemplateContext()) {
        self.at = at; self.rule = rule; self.action = action; self.because = because; self.context = context
        suppressed = false; late = false
    }

    /// A stable identity: the same facts give the same id on every replay, which is what
    /// makes delivery exactly-once (`Idempotency-Key`).
    public func id(ordinal: Int) -> String { "\(at.seconds)-\(rule)-\(action)-\(ordinal)" }

    /// When it reaches `channel` (one of `Campaign.routes`): its `at`, later when quiet hours
    /// defer it, nil when they drop it.
    public func deliveryTime(on channel: String) -> Instant? {
        if let d = deliveries.first(where: { $0.channel == channel }) { return d.deliverAt }
        return dropped != nil ? nil : deliverAt ?? at
    }
}

/// A request for an escalation (a rule's `escalate` action) at an instant.
public struct EscalationRequest: Hashable, Sendable {
    public var at: Instant
    public var rule: String
    public init(at: Instant, rule: String) { self.at = at; self.rule = rule }
}

extension Occurrence {
    /// The key of a `per:` rule an action stands for: `per` (`area`, `demand` or `kind`) and
    /// the key's value, written `"per"` and `"group"` in the action's JSON.
    public struct Group: Hashable, Sendable {
        public var per: Dimension
        public var key: String
        public init(per: Dimension, key: String) { self.per = per; self.key = key }
    }
}

/// Variables a template can use (section 5 of the language).
public struct TemplateContext: Hashable, Sendable {
    public var values: [String: String] = [:]
    /// `metrics`: a list of `label`, `unit`, `total`.
    public var metrics: [[String: String]] = []
    public init() {}
    public subscript(_ key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

/// Renders a campaign template with a context. The engine stays pure: the renderer is passed in.
public protocol TemplateRendering: Sendable {
    func render(template id: String, context: TemplateContext) -> String?
}
