extension Campaign {
    /// The channels an action goes to: its own channel if it names one, else every `file`
    /// channel of the campaign. The daemon delivers to these, and quiet hours are judged for each.
    public func routes(_ o: Occurrence) -> [String] {
        if let ch = o.channel { return [ch] }
        return channels.compactMap { if case .file = $0.kind { return $0.id } else { return nil } }
    }

    /// The quiet hours on a channel: its own, none, or the campaign's (also for an action that
    /// goes to no channel).
    public func quietHours(on channel: String?) -> QuietHours? {
        switch channel.flatMap({ self.channel($0) })?.quietHours ?? .campaign {
        case .campaign: return quietHours
        case .none: return nil
        case .own(let q): return q
        }
    }

    /// Whether any quiet hours are declared, at the top level or on a channel.
    public var hasQuietHours: Bool {
        quietHours != nil || channels.contains { if case .own = $0.quietHours { return true } else { return false } }
    }

    /// Sets when an action is delivered under quiet hours: `deliverAt` when they hold it on some
    /// channel (the instant it has reached every channel that gets it), `dropped` when they drop
    /// it on every channel, and `deliveries` (one per channel) when it goes to two or more
    /// channels and quiet hours hold or drop it on some. Its `at` never changes.
    public func planDelivery(of o: inout Occurrence) {
        let routes = self.routes(o)
        let times = (routes.isEmpty ? [nil] : routes.map { Optional($0) }).map { channel -> Instant? in
            guard let q = quietHours(on: channel), q.applies(to: o.action), let end = q.end(holding: o.at, in: zone) else { return o.at }
            return q.then == .defer ? end : nil
        }
        let kept = times.compactMap { $0 }
        o.deliverAt = kept.max().flatMap { $0 > o.at ? $0 : nil }
        o.dropped = kept.isEmpty ? "quiet_hours" : nil
        o.deliveries = routes.count > 1 && times.contains(where: { $0 != o.at })
            ? zip(routes, times).map { ChannelDelivery(channel: $0, deliverAt: $1) } : []
    }
}
