import CrescendoCore
import Crypto
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
    /// Set by the registry each time this campaign is loaded anew; a reload that leaves the
    /// campaign's files as they were keeps it (and the scheduler keeps its engine).
    public internal(set) var generation = 0
    /// A digest of every file's contents when it was loaded.
    var fingerprint = ""

    public init(campaign: Campaign, path: String) {
        self.campaign = campaign
        self.path = path
        folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var files = [path]
        for r in campaign.rules where !r.source.isEmpty && !files.contains(r.source) { files.append(r.source) }
        for g in campaign.guides { files += g.files.filter { !files.contains($0) } }
        self.files = files
        fingerprint = Self.fingerprint(files)
    }

    /// A path read from the campaign file's folder unless it is absolute.
    public func resolve(_ p: String) -> String {
        p.hasPrefix("/") ? p : URL(fileURLWithPath: folder).appendingPathComponent(p).standardizedFileURL.path
    }

    /// Whether every file it was read from still holds what it held then.
    var isUnchanged: Bool { Self.fingerprint(files) == fingerprint }

    /// SHA-256 over each file's path and contents (a missing file counts as its own state).
    static func fingerprint(_ files: [String]) -> String {
        var hash = SHA256()
        for f in files {
            hash.update(data: Data(f.utf8 + [0]))
            if let data = FileManager.default.contents(atPath: f) {
                hash.update(data: Data("\(data.count):".utf8)); hash.update(data: data)
            } else {
                hash.update(data: Data("missing".utf8))
            }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
