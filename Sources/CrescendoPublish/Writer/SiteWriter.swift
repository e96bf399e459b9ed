import Foundation

/// Writes a built site to a folder: the only part of CrescendoPublish that does I/O.
///
/// Nothing is ever half-written: the files go into a new folder beside the target
/// (`.NAME.tmp-…`), which then takes the target's place; a failure on the way removes the new
/// folder and leaves the target as it was.
public struct SiteWriter {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes every file, creating folders as needed; returns the number of files written.
    /// Files already in the folder that the site does not name are kept (copied across).
    @discardableResult
    public func write(_ files: [String: SiteFile]) throws -> Int {
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        var isFolder: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists, !isFolder.boolValue { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path]) }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(stamp)")
        do {
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.bytes).write(to: url)
            }
            if exists { try keepOthers(from: target, to: staging, named: Set(files.keys)) }
            try swap(staging, into: target, exists: exists)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return files.count
    }

    /// Copies the files of `old` that the site does not name into `new`.
    private func keepOthers(from old: URL, to new: URL, named: Set<String>) throws {
        let fm = FileManager.default
        guard let walk = fm.enumerator(atPath: old.path) else { return }
        while let path = walk.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard !named.contains(path), fm.fileExists(atPath: old.appendingPathComponent(path).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            let to = new.appendingPathComponent(path)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: old.appendingPathComponent(path), to: to)
        }
    }

    /// Puts `staging` where `target` is: the old folder is moved aside, the new one moved in,
    /// and the old one removed (or moved back when the new one cannot take its place).
    private func swap(_ staging: URL, into target: URL, exists: Bool) throws {
        let fm = FileManager.default
        guard exists else { return try fm.moveItem(at: staging, to: target) }
        let aside = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent.replacingOccurrences(of: ".tmp-", with: ".old-"))
        try fm.moveItem(at: target, to: aside)
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.moveItem(at: aside, to: target)
            throw error
        }
        try? fm.removeItem(at: aside)
    }
}
