import CrescendoCore
import CrescendoDSL
import Foundation
import Logging
import Synchronization

/// The campaigns the daemon runs now, the channels they deliver to, the files that do not load
/// and the last failed reload. Shared by the HTTP API, the scheduler, the dispatcher and the
/// reloader.
///
/// Each campaign file stands alone: a reload parses again only the campaigns whose files (or
/// rule libraries and guides) changed, and a file that does not load quarantines only its own
/// campaign (`QuarantinedCampaign`); the others run on and take their own changes.
public final class CampaignRegistry: Sendable {
    struct Current: Sendable {
        /// The running campaigns, in command-line order; the first is the ledger's.
        var campaigns: [LoadedCampaign]
        /// Bumped whenever any campaign is loaded anew.
        var generation: Int
        var lastFailure: ReloadFailure?
        var quarantined: [QuarantinedCampaign]
        var channels: [String: [String: any DeliveryChannel]]
        var redactors: [String: Redactor]
    }

    let state: Mutex<Current>
    let paths: [String]
    let factory: ChannelFactory
    let logger: Logger

    /// Loads every campaign file. Throws `ReloadError` when the first (the ledger's) has an
    /// error; any other file that does not load starts quarantined.
    public init(paths: [String], factory: ChannelFactory, logger: Logger) throws {
        self.paths = paths
        self.factory = factory
        self.logger = logger
        state = Mutex(Current(campaigns: [], generation: 0, lastFailure: nil, quarantined: [], channels: [:], redactors: [:]))
        _ = reload(at: factory.clock.now(), starting: true)
        if let first = paths.first, let broken = quarantined.first(where: { $0.path == first }) {
            throw ReloadError(diagnostics: broken.diagnostics)
        }
    }

    /// The running campaigns in command-line order. The first is the ledger's: entries are checked against it.
    public var campaigns: [LoadedCampaign] { state.withLock { $0.campaigns } }
    /// Moves whenever any campaign is loaded anew (each campaign's own is `LoadedCampaign.generation`).
    public var generation: Int { state.withLock { $0.generation } }
    /// The last reload's problems, all files together (nil once every file loads).
    public var lastFailure: ReloadFailure? { state.withLock { $0.lastFailure } }
    /// The campaign files that do not load now, in command-line order.
    public var quarantined: [QuarantinedCampaign] { state.withLock { $0.quarantined } }
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

    /// Reads again the campaign files that changed (`at` stamps a new quarantine). Returns
    /// true when every file loads; the diagnostics of those that do not are kept
    /// (`quarantined`, `lastFailure`), and the rest of the campaigns take their changes.
    @discardableResult
    public func reload(at now: Instant) -> Bool {
        reload(at: now, starting: false)
    }
}
