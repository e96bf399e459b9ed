import CrescendoCore

/// A numbered story as it is published: care, cause and change, redacted, and the demand it
/// points at. It carries no date, area or quantity, so that stories cannot be joined to the
/// suppressed tables.
public struct PublicStory: Hashable, Sendable {
    public var seq: Int64
    /// `001`, `042`, `1000`.
    public var label: String { seqLabel(seq) }
    public var care: String?
    public var cause: String?
    public var change: String?
    public var demand: Demand?

    /// The published form of an entry, or nil when it has no free text.
    init?(_ e: LedgerEntry, campaign: Campaign, redact: PublicRedactor) {
        let care = redact(e.care), cause = redact(e.cause), change = redact(e.change)
        guard care != nil || cause != nil || change != nil else { return nil }
        seq = e.seq
        self.care = care; self.cause = cause; self.change = change
        demand = e.demand.flatMap(campaign.demand)
    }

    /// The variables the `story` template gets.
    func context(campaign: Campaign) -> TemplateContext {
        var c = TemplateContext()
        c["campaign"] = campaign.id
        c["title"] = campaign.title
        c["seq"] = label
        c["care"] = care ?? ""
        c["cause"] = cause ?? ""
        c["change"] = change ?? ""
        c["demand"] = demand?.text ?? ""
        c["target"] = demand?.target ?? ""
        c["funding"] = demand?.funding ?? ""
        return c
    }
}
