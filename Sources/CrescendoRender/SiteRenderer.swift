import Foundation
import CrescendoPublish

/// The site with its card images: every file `Site.build()` gives, and a PNG for each card's
/// SVG, rendered by `SVGRasterizer`. `crescendo publish` writes these files; the daemon serves
/// the same PNGs through `CardImages`, which renders them with the same rasterizer.
public struct SiteRenderer: Sendable {
    public var rasterizer: SVGRasterizer
    /// How many renderers run at once.
    public var concurrency: Int

    public init(rasterizer: SVGRasterizer = SVGRasterizer(), concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.rasterizer = rasterizer
        self.concurrency = max(1, min(concurrency, 8))
    }

    /// The SVG a card's PNG is rendered from: `cards/fr/story-001.png` → `cards/fr/story-001.svg`.
    public static func svgPath(forPNG path: String) -> String? {
        path.hasPrefix("cards/") && path.hasSuffix(".png") ? String(path.dropLast(4)) + ".svg" : nil
    }

    /// Every file of `site` with its cards' PNGs. A card whose SVG is byte for byte the one
    /// already in `previous` (the folder a site was published to before) keeps the PNG beside
    /// it there, if that is a PNG, instead of being rendered again: the renderer's output for
    /// the same SVG is the same, so this changes no byte and saves a process per card.
    public func files(_ site: Site, reusing previous: URL? = nil) async throws -> [String: SiteFile] {
        var files = site.build()
        var todo: [(png: String, svg: [UInt8])] = []
        for png in site.pngCardPaths {
            guard let svgPath = Self.svgPath(forPNG: png), let svg = files[svgPath]?.bytes else { continue }
            if let kept = Self.kept(png, svgPath: svgPath, svg: svg, in: previous) {
                files[png] = SiteFile(contentType: "image/png", bytes: kept)
            } else {
                todo.append((png, svg))
            }
        }
        let (rasterizer, jobs, width) = (self.rasterizer, todo, concurrency)
        // On a failure no further card is started, the ones running finish, and the error of
        // the first failing card in site order is thrown: the same error on every run. A task
        // gives back a `CardOutcome`: with a tuple `(Int, Result<[UInt8], any Error>)` as the
        // group's element, release builds of Swift 6.3.1 received a garbage index beside a
        // good PNG and crashed (`crescendo publish` of any site with cards; debug builds were
        // fine).
        var pngs = [[UInt8]?](repeating: nil, count: jobs.count)
        var failures: [Int: any Error] = [:]
        await withTaskGroup(of: CardOutcome.self) { group in
            var next = 0, running = 0
            while true {
                while running < width, next < jobs.count, failures.isEmpty {
                    let (index, job) = (next, jobs[next])
                    group.addTask {
                        do { return CardOutcome(index: index, png: .success(try await rasterizer.png(svg: job.svg, file: job.png))) } catch {
                            return CardOutcome(index: index, png: .failure(error))
                        }
                    }
                    next += 1
                    running += 1
                }
                guard let outcome = await group.next() else { break }
                running -= 1
                switch outcome.png {
                case .success(let png): pngs[outcome.index] = png
                case .failure(let error): failures[outcome.index] = error
                }
            }
        }
        for (job, png) in zip(jobs, pngs) {
            if let png { files[job.png] = SiteFile(contentType: "image/png", bytes: png) }
        }
        if let first = failures.keys.min() { throw failures[first]! }
        return files
    }

    /// The PNG published before beside an identical SVG, if there is one.
    private static func kept(_ png: String, svgPath: String, svg: [UInt8], in folder: URL?) -> [UInt8]? {
        guard let folder, let old = FileManager.default.contents(atPath: folder.appendingPathComponent(svgPath).path),
              old.count == svg.count, Array(old) == svg,
              let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(png).path).map(Array.init),
              PNGHeader(bytes) != nil else { return nil }
        return bytes
    }
}

/// One card's PNG, or why it could not be made, as a task of `SiteRenderer.files` gives it back.
struct CardOutcome: Sendable {
    /// The card's place in the site's order.
    let index: Int
    let png: Result<[UInt8], any Error>
}
