import Foundation

/// Writes a built site to a folder: the only part of CrescendoPublish that does I/O.
public struct SiteWriter {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes every file, creating folders as needed; returns the number of files written.
    /// Files already in the folder that the site does not name are left alone.
    @discardableResult
    public func write(_ files: [String: SiteFile]) throws -> Int {
        let fm = FileManager.default
        for path in files.keys.sorted() {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(files[path]!.bytes).write(to: url, options: .atomic)
        }
        return files.count
    }
}
