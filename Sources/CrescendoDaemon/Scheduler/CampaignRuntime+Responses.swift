import CrescendoCore
import CrescendoStore

extension CampaignRuntime {
    /// Feeds `pending` (none of it late: see `lateFrom`) and judges through the response's
    /// instant, then says where the response stands (`ResponseStanding.standing(of:in:)`),
    /// for `Scheduler.judge`, on a copy of the campaign's runtime.
    mutating func standing(of response: Response, feeding pending: NewFacts) -> ResponseStanding {
        _ = run(pending, through: response.at)
        return ResponseStanding.standing(of: response, in: engine)
    }
}
