import CrescendoCore

/// Which template variables an action can provide (section 5), so that `check` can report a
/// variable that a template's uses never provide. The engine renders with the same names.
public enum TemplateVariables {
    /// Every template gets these.
    public static let base = ["campaign", "title", "rule", "at", "entries", "week", "metrics"]
    /// Fields of each item of `metrics`.
    public static let metricItem = ["label", "unit", "total"]
    /// An action about a demand.
    public static let demand = ["demand", "target", "funding"]
    /// A deadline (briefings, `deadline:` and `win:` triggers, `every: N, of: silences`).
    public static let deadline = ["deadline", "due", "days_silent"]
    /// An escalation, and the follow-ups after it.
    public static let escalation = ["tactic"]
    /// A rule fired by a ledger entry (`every:` counting entries or a metric).
    public static let entry = ["seq", "kind", "quantity", "area", "care", "cause", "change"]

    /// Every variable any template can get.
    public static var all: [String] { base + demand + deadline + escalation + entry }

    /// The variables a rule's templates get. A rule about deadlines or wins gets the demand
    /// and deadline variables; an `every:` over entries or a metric gets the entry's; one that
    /// counts per demand, filters on one or opens a briefing gets the demand's; a rule that
    /// escalates gets `tactic` (for its own actions and follow-ups).
    public static func provided(by rule: Rule) -> Set<String> {
        var names = Set(base)
        switch rule.trigger {
        case .deadline, .win:
            names.formUnion(demand); names.formUnion(deadline)
        case .every(_, let counted, let filter, let per):
            if counted == .silences {
                names.formUnion(demand); names.formUnion(deadline)
            } else {
                names.formUnion(entry)
                if per == .demand || filter.demand != nil { names.formUnion(demand) }
            }
        case .threshold(let t):
            if t.per == .demand || t.filter.demand != nil { names.formUnion(demand) }
            if t.per == .area { names.insert("area") }
            if t.per == .kind { names.insert("kind") }
        case .window, .schedule:
            break
        }
        for action in rule.actions {
            switch action.action {
            case .briefing: names.formUnion(demand); names.formUnion(deadline)
            case .escalate: names.formUnion(escalation)
            default: break
            }
        }
        return names
    }

    /// What the campaign's `decompression` follow-ups get: they follow an escalation of any rule.
    public static var decompression: Set<String> { Set(base + escalation) }
}
