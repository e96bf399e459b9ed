import Foundation

/// Paths of included and referenced files.
enum FilePaths {
    /// `path` read relative to the folder of `file` (unless absolute), with `.` and `..`
    /// removed lexically, so messages show `rules/decompression.yaml` rather than
    /// `campaigns/../rules/decompression.yaml`.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let folder = (file as NSString).deletingLastPathComponent
        return normalize(folder.isEmpty ? path : folder + "/" + path)
    }

    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// An absolute, symlink-free form, to recognise the same file named two ways.
    static func identity(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
