import CrescendoCore
import Foundation

/// A campaign as the daemon runs it: the validated value and the file it came from.
public struct LoadedCampaign: Sendable {
    public var campaign: Campaign
    /// The campaign file as given on the command line.
    public var path: String
    /// The campaign file's folder: relative channel paths and commands are read from it.
    public var folder: String
    /// Every file the campaign was read from (the campaign file, its rule libraries and its
    /// guides), for change polling.
    public var files: [String]

    public init(campaign: Campaign, path: String) {
        self.campaign = campaign
        self.path = path
        folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var files = [path]
        for r in campaign.rules where !r.source.isEmpty && !files.contains(r.source) { files.append(r.source) }
        for g in campaign.guides { files += g.files.filter { !files.contains($0) } }
        self.files = files
    }

    /// A path read from the campaign file's folder unless it is absolute.
    public func resolve(_ p: String) -> String {
        p.hasPrefix("/") ? p : URL(fileURLWithPath: folder).appendingPathComponent(p).standardizedFileURL.path
    }
}
