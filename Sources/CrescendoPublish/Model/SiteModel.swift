import CrescendoCore

/// The site's input made fit to publish, computed once and shared by every page: counts with
/// suppression applied, redacted stories, the story languages.
struct SiteModel: Sendable {
    let data: SiteData
    let counts: PublicCounts
    /// Stories in ledger order.
    let stories: [PublicStory]
    /// Language suffixes of the `story` template's variants, e.g. `["fr"]`.
    let languages: [String]
    let templates: CampaignTemplates
    let redact: PublicRedactor
    /// `now`'s ISO week and the one before.
    let thisWeek: String
    let lastWeek: String
    /// The languages of the cards and guides: every template's and every guide's variants.
    let kitLanguages: [String]
    /// The deadline clock at `now`.
    let clock: DeadlineClock
    /// Where the site is served (`--base-url`, else `brand.url`), ending in `/`; nil: unknown.
    let publicURL: String?

    var campaign: Campaign { data.campaign }
    var minCount: Int { campaign.privacy.minCount }

    init(_ data: SiteData) {
        self.data = data
        let redact = PublicRedactor(campaign: data.campaign)
        self.redact = redact
        counts = PublicCounts(campaign: data.campaign, tally: data.ledger, now: data.now)
        stories = data.ledger.stories
        languages = data.campaign.templates.keys.compactMap { key -> String? in
            key.hasPrefix("story.") ? TemplateLanguage.of(key) : nil
        }.sorted()
        templates = CampaignTemplates(data.campaign.templates)
        let today = data.campaign.zone.local(data.now).date
        thisWeek = today.isoWeekLabel
        lastWeek = today.adding(days: -7).isoWeekLabel
        let variants = data.campaign.templates.keys.compactMap(TemplateLanguage.of)
            + data.campaign.guides.flatMap(\.variants.keys)
        kitLanguages = Set(variants + languages).sorted()
        clock = DeadlineClock(data.deadlines, at: data.now)
        publicURL = (data.baseURL ?? data.campaign.brand.url).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// A metric's label, or its id.
    func metricLabel(_ id: String) -> String { campaign.metric(id)?.label ?? id }

    /// An area's label; entries without a declared area are "No area given".
    func areaLabel(_ id: String) -> String {
        id == PublicCounts.noArea ? "No area given" : campaign.areas.first { $0.id == id }?.label ?? id
    }

    /// The story's text through the campaign's `story` template (in `language` when that
    /// variant exists), or a plain default.
    func storyText(_ s: PublicStory, language: String?, html: Bool) -> String {
        if let t = templates.render("story", language: language, context: s.context(campaign: campaign), escapingHTML: html) {
            return t
        }
        let parts = ["Care Ledger \(s.label):", s.care, s.cause.map { "Why: \($0)" }, s.change.map { "Change: \($0)" }]
        let text = parts.compactMap { $0 }.joined(separator: " ")
        return html ? HTML.escape(text) : text
    }
}
