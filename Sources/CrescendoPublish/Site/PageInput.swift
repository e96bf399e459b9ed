import CrescendoCore

/// What one page of the site is rendered from, besides the campaign, the base URL and the
/// weeks ahead (which a caller that keeps pages compares itself): two sites with the same
/// campaign and base URL whose inputs for a path are equal render that path byte for byte
/// the same. Only pages that show a narrow part of the ledger have one (`Site.input(path:)`);
/// the others (home, charts, feeds, calendar, indexes, data package) show the whole site.
///
/// An input holds the values the page shows, as the page shows them (suppressed counts,
/// redacted stories, the deadline clock's days, the weekly template's text), so that it
/// changes exactly when the page does.
public struct PageInput: Hashable, Sendable {
    /// The site path, e.g. `weekly/2027-W05.html`.
    public let path: String
    let source: Source

    enum Source: Hashable, Sendable {
        /// The campaign alone: the stylesheet, the guides.
        case campaign
        /// A week's report (page or Markdown) or card.
        case week(WeekFigures)
        /// A week's poster: its figures, the deadline clock at the week's end (or now), the QR code.
        case poster(WeekFigures, silent: [DeadlineClock.Line], open: [DeadlineClock.Line], qrCode: QRCode?)
        /// A story's page: the story and its neighbours' numbers.
        case story(PublicStory, previous: Int64?, next: Int64?)
        /// A story's card.
        case storyCard(PublicStory)
        /// A silence's page or card.
        case silence(DeadlineClock.Line)
    }
}

/// Everything about one ISO week that its report, Markdown, card and poster show.
struct WeekFigures: Hashable, Sendable {
    var week: String
    /// The metrics and areas as counted (the ledger can add undeclared ones).
    var metrics: [String]
    var areas: [String]
    /// The week's entries, then per metric, then per area each metric and all of them.
    var cells: [Disclosed]
    /// Each metric's total, when published.
    var quantities: [Quantity?]
    /// The `weekly` template's text, plain and escaped (it can show the time of the build).
    var sentences: [String?]
}
