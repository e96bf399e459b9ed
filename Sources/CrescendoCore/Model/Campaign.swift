/// A validated campaign: everything a strategist declared, ready for the engine.
///
/// The engine never sees YAML; `CrescendoDSL` builds these values and reports every problem
/// with its file, line and column first.
public struct Campaign: Sendable {
    public var id: String
    public var title: String
    public var zone: Zone
    /// The campaign's first instant (a date is local midnight).
    public var start: Instant
    /// The last instant the campaign runs, inclusive (a date `end` means the end of that day).
    public var end: Instant?
    public var metrics: [Metric]
    public var demands: [Demand]
    public var indicators: [IndicatorDefinition]
    public var windows: [Window]
    public var ladders: [Ladder]
    public var pacing: Pacing
    public var decompression: [ActionSpec]
    public var privacy: Privacy
    /// Declared areas; when non-empty, every entry's area must be one of them.
    public var areas: [Area]
    /// Template id (with language suffix, e.g. `story.fr`) to Mustache source.
    public var templates: [String: String]
    public var channels: [Channel]
    /// The file's own rules, then the libraries' rules, in the order they run.
    public var rules: [Rule]
    /// Which local dates are business days (`calendar:`), for `deadline: 10bd`.
    public var calendar = BusinessCalendar()
    /// The campaign's quiet hours (`quiet_hours:`), for every action on a channel without its own.
    public var quietHours: QuietHours?
    /// Hashtags, accent colour and public address of the communications kit.
    public var brand = Brand()
    /// Guides published beside the stories, in file order.
    public var guides: [Guide] = []
    /// The record form's prompts for the three beats (`prompts:`): `care`, `cause`, `change`,
    /// and their translations (`care.fr`), as written.
    public var prompts: [String: String] = [:]

    /// The prompt for `beat` (care, cause or change) in `language`, else the default, if the campaign gives one.
    public func prompt(_ beat: String, language: String?) -> String? {
        prompts[beat].map { base in prompts.filter { $0.key.hasPrefix(beat + ".") }
            .reduce(into: [String: String]()) { $0[String($1.key.dropFirst(beat.count + 1))] = $1.value }
            .variant(language, or: base) }
    }

    public init(id: String, title: String, zone: Zone, start: Instant, end: Instant? = nil,
                metrics: [Metric] = [], demands: [Demand] = [], indicators: [IndicatorDefinition] = [],
                windows: [Window] = [], ladders: [Ladder] = [], pacing: Pacing = Pacing(),
                decompression: [ActionSpec] = [], privacy: Privacy = Privacy(), areas: [Area] = [],
                templates: [String: String] = [:], channels: [Channel] = [], rules: [Rule] = []) {
        self.id = id; self.title = title; self.zone = zone; self.start = start; self.end = end
        self.metrics = metrics; self.demands = demands; self.indicators = indicators
        self.windows = windows; self.ladders = ladders; self.pacing = pacing
        self.decompression = decompression; self.privacy = privacy; self.areas = areas
        self.templates = templates; self.channels = channels; self.rules = rules
    }

    public func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }
    public func demand(_ id: String) -> Demand? { demands.first { $0.id == id } }
    public func window(_ id: String) -> Window? { windows.first { $0.id == id } }
    public func ladder(_ id: String) -> Ladder? { ladders.first { $0.id == id } }
    public func channel(_ id: String) -> Channel? { channels.first { $0.id == id } }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

public struct Metric: Hashable, Sendable {
    public var id: String
    public var label: String
    public var unit: String
    /// `label.xx` translations, language suffix (`fr`, `pt-br`) to text.
    public var labelVariants: [String: String] = [:]
    public init(id: String, label: String, unit: String) { self.id = id; self.label = label; self.unit = unit }
    /// The label in `language`, else the default.
    public func label(in language: String?) -> String { labelVariants.variant(language, or: label) }
}

public struct Demand: Hashable, Sendable {
    public var id: String
    public var text: String
    /// Who must act, e.g. "Ministry of Labour".
    public var target: String
    /// Who pays, e.g. "Corporate relief fund, budget line 4.2".
    public var funding: String
    /// Ties the demand to money flows it would redirect (matched against a flow's `to` or `from`).
    public var fundingLine: String?
    /// `text.xx` translations, language suffix to text.
    public var textVariants: [String: String] = [:]
    /// The text in `language`, else the default.
    public func text(in language: String?) -> String { textVariants.variant(language, or: text) }
    public init(id: String, text: String, target: String, funding: String, fundingLine: String? = nil) {
        self.id = id; self.text = text; self.target = target; self.funding = funding; self.fundingLine = fundingLine
    }
}

public struct IndicatorDefinition: Hashable, Sendable {
    public var id: String
    public var label: String
    public var unit: String
    public init(id: String, label: String, unit: String) { self.id = id; self.label = label; self.unit = unit }
}

/// A structural window (budget cycle, legislative session, infection wave). `to` is inclusive.
public struct Window: Hashable, Sendable {
    public var id: String
    public var kind: String
    public var from: CivilDate
    public var to: CivilDate
    public init(id: String, kind: String, from: CivilDate, to: CivilDate) {
        self.id = id; self.kind = kind; self.from = from; self.to = to
    }
    /// Local 00:00 of `from`.
    public func opens(in zone: Zone) -> Instant { zone.instant(from) }
    /// Local 00:00 of the day after `to`.
    public func closes(in zone: Zone) -> Instant { zone.instant(to.adding(days: 1)) }
}

public struct Area: Hashable, Sendable {
    public var id: String
    public var label: String
    /// `label.xx` translations, language suffix to text.
    public var labelVariants: [String: String] = [:]
    public init(id: String, label: String) { self.id = id; self.label = label }
    /// The label in `language`, else the default.
    public func label(in language: String?) -> String { labelVariants.variant(language, or: label) }
}

public struct Ladder: Hashable, Sendable {
    public enum Pick: Hashable, Sendable {
        case rotate
        case shuffle(seed: UInt64)
    }
    public var id: String
    public var pick: Pick
    public var tactics: [Tactic]
    public init(id: String, pick: Pick, tactics: [Tactic]) { self.id = id; self.pick = pick; self.tactics = tactics }
}

public struct Tactic: Hashable, Sendable {
    public var id: String
    public var text: String
    public init(id: String, text: String) { self.id = id; self.text = text }
}

/// Pacing of escalations: a cool-down between them and a limit per rolling period.
public struct Pacing: Hashable, Sendable {
    public enum WhenBlocked: String, Hashable, Sendable { case `defer`, skip }
    public var cooldown: TimeSpan?
    public var limit: (count: Int, per: TimeSpan)? {
        get { limitCount.map { ($0, limitPer ?? .zero) } }
        set { limitCount = newValue?.count; limitPer = newValue?.per }
    }
    public var limitCount: Int?
    public var limitPer: TimeSpan?
    public var whenBlocked: WhenBlocked
    public init(cooldown: TimeSpan? = nil, limit: (count: Int, per: TimeSpan)? = nil, whenBlocked: WhenBlocked = .defer) {
        self.cooldown = cooldown; self.limitCount = limit?.count; self.limitPer = limit?.per; self.whenBlocked = whenBlocked
    }
}

public struct Privacy: Hashable, Sendable {
    /// Published counts below this are shown as "fewer than N".
    public var minCount: Int
    /// Extra regular expressions redacted from free text (phone numbers and e-mail addresses
    /// are always redacted).
    public var redact: [String]
    public init(minCount: Int = 5, redact: [String] = []) { self.minCount = minCount; self.redact = redact }
}

/// Where the daemon delivers actions.
public struct Channel: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// JSON lines appended to a file (relative paths are read from the campaign's folder).
        case file(path: String)
        /// POSTs to `url`; signed (Standard Webhooks) with the secret in environment variable `secretEnv`, when given.
        case webhook(url: String, secretEnv: String? = nil)
        /// argv; the action JSON arrives on standard input.
        case command(argv: [String])
    }
    public var id: String
    public var kind: Kind
    public var timeoutSeconds: Int?
    /// The channel's quiet hours (`quiet_hours:` on the channel): the campaign's unless it says.
    public var quietHours: ChannelQuietHours = .campaign
    public init(id: String, kind: Kind, timeoutSeconds: Int? = nil) { self.id = id; self.kind = kind; self.timeoutSeconds = timeoutSeconds }
}
