import CrescendoCore
import CrescendoDSL

/// A campaign file that does not load (or conflicts with another): only its own campaign is
/// held back. If an earlier version of it loaded, that version keeps running until the file
/// loads again; if none did (a broken file at start), the campaign does not run until then.
public struct QuarantinedCampaign: Sendable {
    /// The campaign file as given on the command line.
    public var path: String
    /// The id of the version still running, if one is.
    public var running: String?
    /// When the file was first found broken in its current state.
    public var since: Instant
    /// Each problem, file:line:column, as `crescendo check` reports it.
    public var diagnostics: [Diagnostic]
}
