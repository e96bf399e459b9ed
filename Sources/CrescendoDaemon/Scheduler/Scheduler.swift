import CrescendoCore
import CrescendoStore
import Logging

/// Runs every campaign's engine continuously and persists what is new: the daemon is
/// "simulate, continuously".
///
/// Each `step()` reads the facts recorded since the last step, feeds them to the engine (or,
/// when one is older than what the engine has judged, goes back to the engine's last
/// checkpoint before it and replays the facts dated after that), judges through now (entries the daemon stamps from then on take a later second, see
/// `StampFloor`), gives every decided action its stable id, and commits the new actions, the
/// timer snapshot and the watermark in one transaction, and then wakes the dispatcher.
public actor Scheduler {
    /// Why the engine's view of the past may hold actions never recorded.
    enum Mode { case startup, reload, rebuilt, normal }

    let store: any DaemonStore
    let registry: CampaignRegistry
    let clock: any DaemonClock
    let logger: Logger
    /// Waits for the entries being committed (stamped before now) before facts are read.
    private let settle: @Sendable () async -> Void
    /// Raised to the instant being judged before facts are read, so later stamps come after it.
    private let floor: StampFloor?
    /// Woken when a step records actions to deliver.
    private let dispatcher: Dispatcher?
    /// Rung by the write routes after they commit facts (`wake()`), so that the next step runs
    /// at once instead of at the next second boundary.
    private let doorbell = Doorbell()
    var runtimes: [String: CampaignRuntime] = [:]
    /// Each campaign's status as this daemon last judged it, kept when its runtime is dropped
    /// (its lease lapsed or moved on), until it judges the campaign again: `/api/status` shows
    /// it while the database is lost (docs/daemon.md, "When the database goes away").
    var lastJudged: [String: CampaignStatus] = [:]
    var modes: [String: Mode] = [:]
    var watermarks: [String: Watermark] = [:]
    /// When each campaign first ran in this process (a campaign quarantined at start first
    /// runs when its file loads, and catches up from then as at a start), or was taken over.
    var startedAt: [String: Instant] = [:]
    /// The campaign leases this daemon holds (nil: it judges every campaign, unfenced).
    let leases: LeaseBook?
    /// The lease epoch each runtime was built under (see `Scheduler+Lease.swift`).
    var epochs: [String: Int64] = [:]
    /// How far behind now a step judges (`FederationOptions.settleSeconds`).
    let lag: TimeSpan
    /// Engines built per campaign (at start, after a reload that changed it, after a late fact
    /// older than every checkpoint).
    private(set) var builds: [String: Int] = [:]
    /// Late facts handled by going back to a checkpoint, per campaign, and the facts replayed
    /// from them in all (`CampaignRuntime.rewind(before:)`).
    private(set) var rewinds: [String: Int] = [:]
    private(set) var replayed: [String: Int] = [:]
    /// Whether a step read the whole ledger (a start, a reload, a fact older than every
    /// checkpoint): the memory of that read is then given back (`HeapTrim`) when it ends.
    private var wholeRead = false

    /// `ingest`, when given, is waited for before each step reads facts; `dispatcher`, when
    /// given, is woken after a step that recorded actions to deliver.
    /// `leases`, when given, limits the steps to the campaigns whose lease this daemon holds
    /// and fences their commits; `settleSeconds` makes each step judge that far behind now.
    public init(store: any DaemonStore, registry: CampaignRegistry, clock: any DaemonClock, logger: Logger,
                ingest: IngestQueue? = nil, dispatcher: Dispatcher? = nil, leases: LeaseBook? = nil, settleSeconds: Int64 = 0) {
        self.store = store; self.registry = registry; self.clock = clock; self.logger = logger
        self.leases = leases; lag = TimeSpan(seconds: settleSeconds)
        settle = { await ingest?.settle() }
        floor = ingest?.floor
        self.dispatcher = dispatcher
    }

    /// Asks for a step now: facts were recorded (an entry, a response, an indicator sample).
    /// Rings coalesce; a ring during a step makes the next wait return at once.
    public nonisolated func wake() { doorbell.ring() }

    /// Waits for `wake()`, for the clock to reach `deadline`, or for cancellation.
    nonisolated func waitForFacts(until deadline: Instant) async { await doorbell.wait(until: deadline, on: clock) }

    /// One step at the clock's current time; returns the actions it recorded.
    @discardableResult
    public func step() async throws -> [ActionRecord] {
        let now = clock.now()
        floor?.raise(to: now - lag)
        await settle()
        let running = registry.campaigns.filter { judges($0.campaign.id) }
        // Only a campaign loaded anew (or first run) gets a new engine; the others keep theirs.
        for l in running where runtimes[l.campaign.id]?.loaded.generation != l.generation {
            let id = l.campaign.id
            modes[id] = startedAt[id] == nil ? .startup : .reload
            if startedAt[id] == nil { startedAt[id] = now }
            runtimes[id] = CampaignRuntime(l)
            lastJudged[id] = nil
            builds[id, default: 0] += 1
        }
        let ids = Set(running.map(\.campaign.id))
        runtimes = runtimes.filter { ids.contains($0.key) }
        var recorded: [ActionRecord] = []
        for l in running {
            do { recorded += try await step(campaign: l.campaign.id, now: now) } catch let lost as LeaseLost { leaseLost(lost) }
        }
        if wholeRead {
            wholeRead = false
            HeapTrim.release()
        }
        if recorded.contains(where: { $0.state == .pending }) { dispatcher?.wake() }
        return recorded
    }

    private func step(campaign id: String, now: Instant) async throws -> [ActionRecord] {
        guard var rt = runtimes[id] else { return [] }
        var mode = modes[id] ?? .normal
        let target = now - lag
        let persisted = try await cachedWatermark(id)
        let started = ContinuousClock.now
        let facts = try await store.facts(after: rt.cursor)
        if rt.cursor.entrySeq == 0, !facts.entries.isEmpty { wholeRead = true }
        let identified: [(id: String, occurrence: Occurrence)]
        var late: (at: Instant, from: Instant, count: Int, read: Duration, run: Duration)?
        if let at = rt.lateFrom(facts) {
            let from = rt.rewind(before: at)
            if from == .distantPast {
                builds[id, default: 0] += 1
                wholeRead = true
            } else {
                rewinds[id, default: 0] += 1
            }
            let read = ContinuousClock.now
            let replay = try await store.facts(from: from, through: facts.cursor)
            let count = replay.entries.count + replay.indicators.count + replay.responses.count
            replayed[id, default: 0] += count
            let run = ContinuousClock.now
            identified = rt.run(replay, through: target)
            late = (at, from, count, run - read, ContinuousClock.now - run)
            if mode == .normal { mode = .rebuilt }
        } else {
            identified = rt.run(facts, through: target)
        }
        var lastAlive: Instant?
        if mode == .startup, let persisted {
            lastAlive = max(persisted.aliveAt, facts.lastRecordedAt ?? .distantPast)
        }
        let committing = ContinuousClock.now
        let actions = try await classify(identified, rt.loaded, mode: mode, judged: persisted?.judgedThrough, lastAlive: lastAlive,
                                         startedAt: startedAt[id], now: now)
        let timers = rt.engine.pendingTimers
        let changed = rt.persistedTimers != timers
        let step = DaemonStep(campaign: id, judgedThrough: max(target, persisted?.judgedThrough ?? target), aliveAt: now,
                              actions: actions, timers: changed ? timers.map { TimerRecord(campaign: id, timer: $0) } : nil,
                              fence: fence(id))
        // Committed even when it holds nothing new (a step woken by a write in a second already
        // judged): the fenced commit is how a stale lease holder learns it lost the campaign.
        let inserted = try await store.commit(step)
        rt.persistedTimers = timers
        watermarks[id] = Watermark(judgedThrough: step.judgedThrough, aliveAt: now)
        runtimes[id] = rt
        modes[id] = .normal
        if let late {
            let all = ContinuousClock.now - started
            logger.info("""
                a fact at \(late.at) is older than what \(id) has judged; replayed \(late.count) fact(s) from \
                \(late.from == .distantPast ? "the start" : "\(late.from)") (\(rt.checkpoints.count) checkpoint(s) kept) in \
                \(Self.seconds(all)) s: read \(Self.seconds(late.read)) s, engine \(Self.seconds(late.run)) s, \
                actions looked up and committed \(Self.seconds(ContinuousClock.now - committing)) s
                """)
        }
        if mode == .startup, let lastAlive, let startedAt = startedAt[id] {
            let missed = (try? await store.timers(campaign: id))?.filter { $0.timer.at > lastAlive && $0.timer.at < startedAt }.count ?? 0
            logger.info("\(id): resumed; judged through \(step.judgedThrough), \(inserted.count) action(s) recorded on catch-up, \(missed) timer(s) had fallen due while down")
        }
        return inserted
    }

    /// A duration in seconds with three decimals, for the log.
    private static func seconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000).\(String(ms % 1000 + 1000).dropFirst())"
    }

    /// The campaign's watermark as last committed (read from the store once).
    private func cachedWatermark(_ id: String) async throws -> Watermark? {
        if let w = watermarks[id] { return w }
        return try await store.watermark(campaign: id)
    }

    /// Turns decided actions into rows: normal ones pending, missed ones per `on_missed`.
    private func classify(_ identified: [(id: String, occurrence: Occurrence)], _ loaded: LoadedCampaign, mode: Mode,
                          judged: Instant?, lastAlive: Instant?, startedAt: Instant?, now: Instant) async throws -> [ActionRecord] {
        let judged = judged ?? .distantPast
        // Actions for instants already judged exist unless the facts or rules changed; only new ones matter.
        let old = identified.filter { $0.occurrence.at <= judged }.map(\.id)
        let existing = old.isEmpty ? [] : try await store.existingActionIDs(old)
        var rows: [ActionRecord] = []
        var missed: [(id: String, occurrence: Occurrence)] = []
        let firstStart = mode == .startup && judged == .distantPast
        for (id, o) in identified {
            if existing.contains(id) { continue }
            if o.at <= judged {
                if mode == .reload {
                    rows.append(record(id, o, loaded, late: false, now: now, skipped: "decided for an instant already judged, after a reload changed the rules"))
                } else {
                    missed.append((id, o))
                }
            } else if let startedAt, mode == .startup, o.at < startedAt, firstStart || lastAlive.map({ o.at > $0 }) == true {
                missed.append((id, o))
            } else {
                rows.append(record(id, o, loaded, late: false, now: now, skipped: nil))
            }
        }
        let verdicts = MissedFirings.verdicts(missed.map(\.occurrence), campaign: loaded.campaign)
        for (m, v) in zip(missed, verdicts) {
            switch v {
            case .late: rows.append(record(m.id, m.occurrence, loaded, late: true, now: now, skipped: nil))
            case .skipped(let why): rows.append(record(m.id, m.occurrence, loaded, late: true, now: now, skipped: why))
            }
        }
        return rows
    }

    /// The row of an action: a delivery per channel of its routes (`Campaign.routes`) that quiet
    /// hours do not drop, each held until its `deliver_at`; an action quiet hours drop on every
    /// channel is recorded as skipped, with the reason, and never delivered.
    private func record(_ id: String, _ o: Occurrence, _ loaded: LoadedCampaign, late: Bool, now: Instant, skipped: String?) -> ActionRecord {
        var o = o
        o.late = late
        let payload = o.json(id: id).text
        let routes = skipped == nil ? loaded.campaign.routes(o) : []
        let channels = routes.filter { o.deliveryTime(on: $0) != nil }
        let dropped = !routes.isEmpty && channels.isEmpty ? "dropped by quiet hours on every channel it goes to (then: drop)" : nil
        let state: ActionRecord.State = skipped != nil || dropped != nil ? .skipped : (routes.isEmpty ? .unrouted : .pending)
        var row = ActionRecord(id: id, campaign: loaded.campaign.id, rule: o.rule, action: o.action, dueAt: o.at, payload: payload,
                               state: state, late: late, decidedAt: now, reason: skipped ?? dropped, channels: channels)
        for c in channels { if let t = o.deliveryTime(on: c), t > o.at { row.deliverAt[c] = t } }
        return row
    }

    /// Each campaign's "why not yet", pending timers and watermark.
    /// With `asLastJudged`, a campaign this daemon no longer judges is given as it last judged it.
    public func status(asLastJudged: Bool = false) -> [CampaignStatus] {
        registry.campaigns.compactMap { l in
            guard let rt = runtimes[l.campaign.id] else { return asLastJudged ? lastJudged[l.campaign.id] : nil }
            return Self.status(of: rt, l)
        }
    }

    static func status(of rt: CampaignRuntime, _ l: LoadedCampaign) -> CampaignStatus {
        CampaignStatus(campaign: l.campaign.id, title: l.campaign.title, judgedThrough: rt.engine.processedThrough,
                       report: rt.engine.status(at: rt.engine.processedThrough), timers: rt.engine.pendingTimers)
    }
}
