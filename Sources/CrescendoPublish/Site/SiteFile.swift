/// One file of the site: its media type and its bytes.
public struct SiteFile: Hashable, Sendable {
    /// E.g. `text/html; charset=utf-8`.
    public var contentType: String
    public var bytes: [UInt8]

    public init(contentType: String, bytes: [UInt8]) { self.contentType = contentType; self.bytes = bytes }

    /// The media type for a site path, by its extension.
    public static func contentType(for path: String) -> String {
        if path == "feed.json" || path.hasPrefix("feed.") && path.hasSuffix(".json") { return "application/feed+json" }
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}
