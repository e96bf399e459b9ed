import CrescendoCore

/// A campaign's state as the scheduler sees it, for `GET /api/status`.
public struct CampaignStatus: Sendable {
    public var campaign: String
    public var title: String
    public var judgedThrough: Instant
    public var report: StatusReport
    public var timers: [PendingTimer]
}
