import CrescendoCore
import CrescendoPublish

/// `simulate --format svg` and `--format ics`: the dry run as a timeline chart or a calendar.
enum SimulateExports {
    /// The timeline: the ledger is read again for the entries curve.
    static func svg(_ result: Simulation.Result, shown: [Occurrence], campaign: Campaign, indicators: [IndicatorSample],
                    ledger: () throws -> Simulation.KeyedBatchSource) throws -> String {
        let next = try ledger()
        var times: [Instant] = []
        while let batch = try next() { times.append(contentsOf: batch.map(\.entry.at)) }
        return TimelineChart(campaign: campaign, occurrences: shown, entryTimes: times, indicators: indicators,
                             from: result.engine.start, to: result.endedAt).chart().document
    }

    /// The same calendar `publish` writes: the actions as events, every deadline as a to-do.
    static func ics(_ result: Simulation.Result, shown: [Occurrence], campaign: Campaign) -> String {
        let items = CalendarItem.events(shown, campaign: campaign)
            + CalendarItem.deadlines(result.engine.deadlines, campaign: campaign, now: result.endedAt)
        return ICalendar.render(items, campaign: campaign, stamp: result.endedAt)
    }
}
