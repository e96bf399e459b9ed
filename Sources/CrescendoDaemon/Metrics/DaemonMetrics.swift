import CrescendoStore
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics (swift-prometheus), rendered by `GET /metrics`.
public final class DaemonMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let entries: Counter
    private let reloadFailures: Counter
    private let delay: ValueHistogram
    private let actions: [ActionRecord.State: Gauge]
    private let failures = Mutex<[String: Counter]>([:])
    private let siteRendered: Counter
    private let siteKept: Counter

    public init() {
        entries = registry.makeCounter(descriptor: Self.name("entries", "total", "Ledger entries recorded through the API."))
        reloadFailures = registry.makeCounter(descriptor: Self.name("reload_failures", "total", "Campaign reloads that failed (the old rules kept running)."))
        delay = registry.makeValueHistogram(descriptor: Self.name("dispatch_delay", "seconds", "From an action's due time to its delivery by a channel."),
                                            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.05, 1.1, 1.25, 1.5, 2, 5, 10, 30, 60, 300])
        var gauges: [ActionRecord.State: Gauge] = [:]
        for s in ActionRecord.State.allCases {
            gauges[s] = registry.makeGauge(descriptor: Self.name("actions", "", "Actions recorded, by state."), labels: [("state", s.rawValue)])
        }
        actions = gauges
        let site = Self.name("site_files", "total", "Public site files served: rendered for a build, or kept from an earlier one.")
        siteRendered = registry.makeCounter(descriptor: site, labels: [("outcome", "rendered")])
        siteKept = registry.makeCounter(descriptor: site, labels: [("outcome", "kept")])
    }

    /// `crescendo_NAME_UNIT` with its help line.
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "crescendo", metricName: metric, unitName: unit, helpText: help)
    }

    func recordedEntries(_ n: Int) { entries.increment(by: Int64(n)) }
    func reloadFailed() { reloadFailures.increment() }
    func siteFiles(rendered: Int, kept: Int) {
        if rendered > 0 { siteRendered.increment(by: Int64(rendered)) }
        if kept > 0 { siteKept.increment(by: Int64(kept)) }
    }
    func delivered(channel: String, delay: Duration) {
        let (seconds, attoseconds) = delay.components
        self.delay.record(max(0, Double(seconds) + Double(attoseconds) / 1e18))
    }

    func deliveryFailed(channel: String, dead: Bool) {
        let counter = failures.withLock { m in
            if let c = m[channel] { return c }
            let c = registry.makeCounter(descriptor: Self.name("delivery_failures", "total", "Delivery attempts that failed."),
                                         labels: [("channel", channel)])
            m[channel] = c
            return c
        }
        counter.increment()
    }

    /// The text exposition, with the action gauges read from the store first.
    public func render(store: any DaemonStore) async -> String {
        if let counts = try? await store.actionCounts() {
            for (s, g) in actions { g.set(Double(counts[s] ?? 0)) }
        }
        return registry.emitToString()
    }
}
