import CrescendoCore

/// Everything the public site is built from. The site is a pure function of this value:
/// the same `SiteData` gives byte-identical files.
public struct SiteData: Sendable {
    public var campaign: Campaign
    /// The ledger as it now reads (corrections applied), up to `now`, as the pages count it:
    /// cells, instants and the redacted stories (see `SiteTally`).
    public var ledger: SiteTally
    /// Every deadline opened so far, with its response or silence.
    public var deadlines: [DeadlineRecord]
    public var responses: [Response]
    public var moneyFlows: [MoneyFlow]
    /// The engine's report at `now`: deadline clock and milestone forecasts.
    public var status: StatusReport
    /// Actions that happened up to `now` (escalation and ritual markers on the charts).
    public var past: [Occurrence]
    /// Actions to come after `now`, from a simulation over the future (the calendar).
    public var coming: [Occurrence]
    /// The number of entries in the hash-chained ledger, corrections included.
    public var ledgerCount: Int64
    /// The newest entry's hash, 64 hex digits.
    public var headHash: String
    /// The instant the site describes.
    public var now: Instant
    /// Where the site is served, e.g. `https://care.example.org/`; when set, the feed's
    /// links are absolute, as JSON Feed recommends.
    public var baseURL: String?
    /// The QR code of `posterURL` for the posters (CrescendoRender's `QREncoder` makes it);
    /// nil: the posters show the address as text only.
    public var qrCode: QRCode?

    /// The address the posters' QR code points at: `brand.url`, else the base URL.
    public var posterURL: String? { campaign.brand.url ?? baseURL }

    public init(campaign: Campaign, ledger: SiteTally, deadlines: [DeadlineRecord], responses: [Response],
                moneyFlows: [MoneyFlow], status: StatusReport, past: [Occurrence], coming: [Occurrence],
                ledgerCount: Int64, headHash: String, now: Instant, baseURL: String? = nil) {
        self.campaign = campaign; self.ledger = ledger; self.deadlines = deadlines; self.responses = responses
        self.moneyFlows = moneyFlows; self.status = status; self.past = past; self.coming = coming
        self.ledgerCount = ledgerCount; self.headHash = headHash; self.now = now
        self.baseURL = baseURL
    }
}
