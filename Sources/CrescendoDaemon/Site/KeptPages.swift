import CrescendoPublish

/// The files of the public site that the daemon rendered, kept across builds with what each
/// was rendered from, at most `limit` of them (the least recently used go first).
///
/// A file is served again without rendering when it was rendered for the very site asked
/// about, or when the new site's `PageInput` for its path equals the one it was rendered from
/// under the same campaign generation (the base URL and the weeks ahead are the daemon's, the
/// same for every build). A page without an input (home, charts, feeds, calendar, indexes,
/// data package) is rendered once per build. So a kept file is always the bytes a fresh
/// render of the same ledger at the same instant gives.
struct KeptPages {
    private struct Page {
        var key: SiteCache.Key
        var generation: Int?
        var input: PageInput?
        var file: SiteFile
        var used: UInt64
    }

    let limit: Int
    private var pages: [String: Page] = [:]
    private var uses: UInt64 = 0
    /// Files rendered, and files served again from an earlier build, so far.
    private(set) var rendered = 0
    private(set) var kept = 0

    init(limit: Int) { self.limit = limit }

    /// The file at site path `path` of `site`, built for `key` from campaign generation
    /// `generation` (nil when it is not known: then nothing is served from an earlier build).
    mutating func file(_ path: String, of site: Site, key: SiteCache.Key, generation: Int?) -> SiteFile? {
        uses += 1
        if var page = pages[path], page.key == key {
            page.used = uses
            pages[path] = page
            return page.file
        }
        let input = generation == nil ? nil : site.input(path: path)
        if var page = pages[path], let input, page.generation == generation, page.input == input {
            page.key = key
            page.used = uses
            pages[path] = page
            kept += 1
            return page.file
        }
        guard let file = site.render(path: path) else { return nil }
        rendered += 1
        keep(file, at: path, key: key, generation: generation, input: input)
        return file
    }

    /// Keeps a file rendered for the site built for `key` (the home page, rendered with the build).
    mutating func keep(_ file: SiteFile, at path: String, key: SiteCache.Key, generation: Int?, input: PageInput? = nil, counted: Bool = false) {
        if counted { rendered += 1 }
        uses += 1
        pages[path] = Page(key: key, generation: generation, input: input, file: file, used: uses)
        if pages.count > limit, let oldest = pages.min(by: { $0.value.used < $1.value.used })?.key { pages[oldest] = nil }
    }
}
