import CrescendoCore
import CrescendoDSL
import Foundation
import Logging
import Synchronization

/// The campaigns the daemon runs now, the channels they deliver to, and the last failed
/// reload. Shared by the HTTP API, the scheduler, the dispatcher and the reloader.
///
/// A reload parses every campaign file; if any fails, nothing changes except `lastFailure`.
public final class CampaignRegistry: Sendable {
    struct Current: Sendable {
        var campaigns: [LoadedCampaign]
        /// Bumped by every successful reload; the scheduler rebuilds its engines when it moves.
        var generation: Int
        var lastFailure: ReloadFailure?
        var channels: [String: [String: any DeliveryChannel]]
        var redactors: [String: Redactor]
    }

    private let state: Mutex<Current>
    let paths: [String]
    let factory: ChannelFactory
    let logger: Logger

    /// Loads every campaign file; throws `ReloadError` when any has an error.
    public init(paths: [String], factory: ChannelFactory, logger: Logger) throws {
        self.paths = paths
        self.factory = factory
        self.logger = logger
        let loaded = try Self.load(paths)
        state = Mutex(Current(campaigns: loaded, generation: 1, lastFailure: nil,
                              channels: Self.channels(loaded, factory), redactors: try Self.redactors(loaded)))
    }

    /// The campaigns in command-line order. The first is the ledger's: entries are checked against it.
    public var campaigns: [LoadedCampaign] { state.withLock { $0.campaigns } }
    public var generation: Int { state.withLock { $0.generation } }
    public var lastFailure: ReloadFailure? { state.withLock { $0.lastFailure } }
    /// The ledger's campaign (the first).
    public var primary: LoadedCampaign { state.withLock { $0.campaigns[0] } }

    /// The channel `id` of campaign `campaign`, if declared.
    func channel(campaign: String, id: String) -> (any DeliveryChannel)? {
        state.withLock { $0.channels[campaign]?[id] }
    }

    func redactor(campaign: String) -> Redactor? {
        state.withLock { $0.redactors[campaign] }
    }

    /// Every file the campaigns were read from, for change polling.
    var watchedFiles: [String] { state.withLock { Array(Set($0.campaigns.flatMap(\.files) + paths)).sorted() } }

    /// Parses every campaign file again. On success the new campaigns replace the old (and
    /// true is returned); on failure the old keep running and the diagnostics are kept.
    @discardableResult
    public func reload(at now: Instant) -> Bool {
        do {
            let loaded = try Self.load(paths)
            let ids = loaded.map(\.campaign.id)
            let old = campaigns.map(\.campaign.id)
            guard ids.first == old.first else {
                throw ReloadError(diagnostics: [Diagnostic(file: paths[0], line: 1, column: 1, severity: .error, code: "campaign",
                                                           message: "the campaign id changed from \(old[0]) to \(ids[0]); the ledger belongs to \(old[0])")])
            }
            let channels = Self.channels(loaded, factory)
            let redactors = try Self.redactors(loaded)
            state.withLock {
                $0.campaigns = loaded; $0.generation += 1; $0.lastFailure = nil
                $0.channels = channels; $0.redactors = redactors
            }
            logger.info("reloaded \(loaded.count) campaign file(s)")
            return true
        } catch let e as ReloadError {
            let failure = ReloadFailure(at: now, diagnostics: e.diagnostics)
            state.withLock { $0.lastFailure = failure }
            for line in failure.lines { logger.error("reload failed, the old rules keep running: \(line)") }
            return false
        } catch {
            let failure = ReloadFailure(at: now, diagnostics: [Diagnostic(file: paths[0], line: 1, column: 1, severity: .error,
                                                                          code: "reload", message: "\(error)")])
            state.withLock { $0.lastFailure = failure }
            logger.error("reload failed, the old rules keep running: \(error)")
            return false
        }
    }

    static func load(_ paths: [String]) throws -> [LoadedCampaign] {
        var out: [LoadedCampaign] = []
        var errors: [Diagnostic] = []
        for p in paths {
            let r = CampaignLoader().load(p)
            if let c = r.campaign { out.append(LoadedCampaign(campaign: c, path: p)) } else { errors += r.diagnostics.filter(\.isError) }
        }
        if !errors.isEmpty { throw ReloadError(diagnostics: errors) }
        var seen = Set<String>()
        for c in out where !seen.insert(c.campaign.id).inserted {
            throw ReloadError(diagnostics: [Diagnostic(file: c.path, line: 1, column: 1, severity: .error, code: "campaign",
                                                       message: "campaign \(c.campaign.id) is given twice")])
        }
        return out
    }

    private static func channels(_ loaded: [LoadedCampaign], _ factory: ChannelFactory) -> [String: [String: any DeliveryChannel]] {
        var out: [String: [String: any DeliveryChannel]] = [:]
        for l in loaded {
            var m: [String: any DeliveryChannel] = [:]
            for c in l.campaign.channels { m[c.id] = factory.make(c, for: l) }
            out[l.campaign.id] = m
        }
        return out
    }

    private static func redactors(_ loaded: [LoadedCampaign]) throws -> [String: Redactor] {
        var out: [String: Redactor] = [:]
        for l in loaded { out[l.campaign.id] = try Redactor(campaign: l.campaign) }
        return out
    }
}
