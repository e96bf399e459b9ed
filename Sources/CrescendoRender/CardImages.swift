import CrescendoPublish

/// The cards' PNGs as the daemon serves them: rendered from the site's SVG by the same
/// `SVGRasterizer` as `crescendo publish`, on the first request for each, and kept by the
/// SVG's bytes, so that a card is rendered once while it does not change (whatever the site's
/// version) and requests for the same card share one render. At most `capacity` PNGs are kept;
/// the oldest go first.
public actor CardImages {
    private let rasterizer: SVGRasterizer
    private let capacity: Int
    private var kept: [[UInt8]: [UInt8]] = [:]
    private var order: [[UInt8]] = []
    private var rendering: [[UInt8]: Task<[UInt8], any Error>] = [:]
    /// PNGs rendered so far (for tests and metrics).
    public private(set) var renders = 0

    public init(rasterizer: SVGRasterizer = SVGRasterizer(), capacity: Int = 512) {
        self.rasterizer = rasterizer
        self.capacity = max(1, capacity)
    }

    /// The file for a PNG path of `site` (`cards/story-001.png`), or nil when the site has no such card.
    public func file(_ path: String, in site: Site) async throws -> SiteFile? {
        guard let svgPath = SiteRenderer.svgPath(forPNG: path), let svg = site.render(path: svgPath)?.bytes else { return nil }
        return try await file(path, svg: svg)
    }

    /// The PNG at `path` of a card whose SVG is `svg` (for a caller that keeps the SVGs itself).
    public func file(_ path: String, svg: [UInt8]) async throws -> SiteFile {
        SiteFile(contentType: "image/png", bytes: try await png(svg, file: path))
    }

    private func png(_ svg: [UInt8], file: String) async throws -> [UInt8] {
        if let png = kept[svg] { return png }
        if let task = rendering[svg] { return try await task.value }
        let rasterizer = self.rasterizer
        let task = Task { try await rasterizer.png(svg: svg, file: file) }
        rendering[svg] = task
        defer { rendering[svg] = nil }
        let png = try await task.value
        renders += 1
        if kept[svg] == nil {
            kept[svg] = png
            order.append(svg)
            if order.count > capacity { kept[order.removeFirst()] = nil }
        }
        return png
    }
}
