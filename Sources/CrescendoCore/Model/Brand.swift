/// How a campaign looks and sounds wherever it is shared: its recurring hashtags, one accent
/// colour and its public site. Cards, posters and the pages' share tags use it.
public struct Brand: Hashable, Sendable {
    /// Each with its `#`, e.g. `#PaidSickLeaveNow`, in the order declared.
    public var hashtags: [String]
    /// `#rrggbb`, lowercase; `nil`: the site's own accent colour.
    public var color: String?
    /// The public site, e.g. `https://care.example.org/` (always ending in `/`): the posters'
    /// QR code points here, and share tags' links are absolute.
    public var url: String?

    public init(hashtags: [String] = [], color: String? = nil, url: String? = nil) {
        self.hashtags = hashtags
        self.color = color
        self.url = url
    }
}
