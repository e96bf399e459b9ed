/// Where a response stands against the deadline it names, as the engine judges it when the
/// response arrives: the one check behind `crescendo respond` and `POST /api/responses`.
///
/// The engine is the source of truth: the ledger's facts recorded so far are replayed
/// (`FactOrder`, as everywhere) through the response's instant. At one instant facts come
/// before judging, so a deadline counts as opened only when its briefing came before the
/// response's instant, and a response at the due instant is in time.
public enum ResponseStanding: Hashable, Sendable {
    /// It answers the deadline at or before its due instant.
    case inTime(DeadlineRecord)
    /// It answers the deadline after it came due: `deadline: answered` still fires, and the
    /// silence already recorded stays.
    case late(DeadlineRecord)
    /// The deadline was answered already; a second response would change nothing.
    case alreadyAnswered(DeadlineRecord)
    /// No deadline with that number was opened before the response's instant; `opened` is how
    /// many were.
    case neverOpened(opened: Int)
    /// The response comes after the campaign's end, which the engine never judges.
    case afterTheEnd(Instant)

    /// Whether the response is recorded: only one that answers its deadline is.
    public var answers: Bool {
        switch self {
        case .inTime, .late: return true
        default: return false
        }
    }

    /// Judges `response` against the campaign over the facts recorded so far (`responses` are
    /// the ones already recorded, not this one).
    public static func judge(_ response: Response, campaign: Campaign, openBatches: () throws -> Simulation.KeyedBatchSource,
                             indicators: [IndicatorSample], responses: [Response]) throws -> ResponseStanding {
        if let end = campaign.end, response.at > end { return .afterTheEnd(end) }
        let run = try Simulation.run(campaign: campaign, openBatches: openBatches, indicators: indicators,
                                     responses: responses, options: Engine.Options(until: response.at))
        return standing(of: response, in: run.engine)
    }

    /// Where `response` stands in an engine that has recorded every fact dated at or before
    /// the response's instant and judged through it: the daemon's engine (`Scheduler.judge`)
    /// as well as a replay through the instant. Later facts may be in it too: a deadline
    /// counts only if opened before the instant, an answer only if given at or before it, and
    /// the deadline is given as it stood then.
    public static func standing(of response: Response, in engine: Engine) -> ResponseStanding {
        if let end = engine.campaign.end, response.at > end { return .afterTheEnd(end) }
        let opened = engine.deadlines.filter { $0.opened < response.at }
        guard response.deadline >= 1, response.deadline <= opened.count else { return .neverOpened(opened: opened.count) }
        var d = opened[response.deadline - 1]
        if let answered = d.answeredAt, answered <= response.at { return .alreadyAnswered(d) }
        // The deadline as it stood at the response's instant.
        d.answeredAt = nil; d.response = nil; d.win = nil
        d.missed = d.missed && d.due <= response.at
        return response.at <= d.due ? .inTime(d) : .late(d)
    }

    /// What `respond` prints, or the reason it refuses: one sentence, times in `zone`.
    public func sentence(_ response: Response, zone: Zone) -> String {
        let n = response.deadline
        switch self {
        case .inTime(let d):
            return "response to deadline \(n) recorded: answered in time (due \(zone.short(d.due)))"
        case .late(let d):
            return "response to deadline \(n) recorded: answered late (it came due \(zone.short(d.due)); its silence stays on the record)"
        case .alreadyAnswered(let d):
            return "deadline \(n) was already answered at \(zone.short(d.answeredAt ?? response.at)); a deadline takes one response, so nothing was recorded"
        case .neverOpened(let opened):
            let count = opened == 0 ? "no deadline had been opened" : opened == 1 ? "only deadline 1 had been opened" : "deadlines 1 to \(opened) had been opened"
            return "deadline \(n) was never opened: as of \(zone.short(response.at)) \(count); nothing was recorded"
        case .afterTheEnd(let end):
            return "the campaign ended at \(zone.short(end)); a response after its end changes nothing, so nothing was recorded"
        }
    }
}
