import CrescendoCore

/// What reading a test needs: the reader, and the campaign when it loaded (its zone, and its
/// ids for checking references).
struct TestContext {
    let reader: NodeReader
    let campaign: Campaign?

    var zone: Zone { campaign?.zone ?? .utc }

    var declared: Declarations {
        guard let c = campaign else { return .unknown }
        return Declarations(metrics: c.metrics.map(\.id), demands: c.demands.map(\.id), indicators: c.indicators.map(\.id),
                            windows: c.windows.map(\.id), ladders: c.ladders.map(\.id), channels: c.channels.map(\.id),
                            templates: nil, areas: c.areas.map(\.id))
    }
}
