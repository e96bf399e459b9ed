import CrescendoCore
import CrescendoPublish

/// A small campaign and ledger, run through the engine as `publish` runs it, so that each
/// test states only what it is about.
enum SiteFixture {
    static let zone = Zone(identifier: "America/Toronto")!

    static func t(_ s: String) -> Instant {
        guard let i = TimeParsing.instant(s, zone: zone) else { fatalError("bad test time \(s)") }
        return i
    }

    static func campaign(redact: [String] = [], minCount: Int = 5) -> Campaign {
        let briefing = Rule(id: "briefing-every-10", trigger: .every(n: 10, of: .entries, filter: EntryFilter(), per: nil),
                            actions: [ActionSpec(.briefing(demand: "psl", deadline: .days(7), to: nil))])
        let escalate = Rule(id: "escalate-every-20", trigger: .every(n: 20, of: .entries, filter: EntryFilter(), per: nil),
                            actions: [ActionSpec(.escalate(ladder: nil))])
        let weekly = Rule(id: "weekly-ledger", trigger: .schedule(.weekly(on: 1, at: LocalTime(hour: 9, minute: 0))),
                          actions: [ActionSpec(.publish(template: "weekly"))])
        return Campaign(
            id: "test-campaign", title: "Paid sick leave now", zone: zone, start: t("2027-01-04"), end: t("2027-12-31"),
            metrics: [Metric(id: "masks", label: "Masks distributed", unit: "masks"),
                      Metric(id: "childcare_hours", label: "Childcare hours covered", unit: "hours")],
            demands: [Demand(id: "psl", text: "Universal paid sick leave", target: "Ministry of Labour",
                             funding: "Corporate relief fund, budget line 4.2", fundingLine: "corporate-relief-fund")],
            windows: [Window(id: "budget-2027", kind: "budget", from: CivilDate(year: 2027, month: 1, day: 25), to: CivilDate(year: 2027, month: 2, day: 5))],
            ladders: [Ladder(id: "main", pick: .rotate, tactics: [Tactic(id: "call-in", text: "Mass call-in day"),
                                                                  Tactic(id: "audit", text: "Public audit of emergency funds")])],
            pacing: Pacing(cooldown: .days(7)),
            decompression: [ActionSpec(.ritual(kind: "gratitude", text: "Window candles for healthcare workers"), delay: .days(2))],
            privacy: Privacy(minCount: minCount, redact: redact),
            areas: [Area(id: "a01", label: "Parkdale"), Area(id: "a02", label: "St. James Town"), Area(id: "a03", label: "Jane and Finch")],
            templates: ["story": "Care Ledger {{seq}}: {{care}} Why: {{cause}} Change: {{change}}",
                        "story.fr": "Registre du soin {{seq}} : {{care}} Pourquoi : {{cause}} Changement : {{change}}",
                        "weekly": "Week {{week}}: {{entries}} acts of care. {{#metrics}}{{label}}: {{total}}. {{/metrics}}"],
            rules: [briefing, escalate, weekly])
    }

    /// `n` entries an hour apart from `from`, cycling through the areas given.
    static func entries(_ n: Int, from: String, kind: String = "masks", areas: [String?] = ["a01", "a02", "a03"],
                        care: String = "Delivered masks to a shelter") -> [LedgerEntry] {
        (0..<n).map { i in
            LedgerEntry(at: t(from) + .hours(Int64(i)), kind: kind, quantity: Quantity(Int64(2 + i % 3)), area: areas[i % areas.count],
                        demand: "psl", care: care, cause: "Shelters have no PPE budget line", change: "A permanent PPE budget")
        }
    }

    static let flows = [
        MoneyFlow(date: CivilDate(year: 2027, month: 1, day: 5), from: "Province", to: "corporate-relief-fund", category: .corporateSubsidy,
                  amount: Quantity(2_500_000), currency: "CAD", source: "Budget 2027, table 4.2"),
        MoneyFlow(date: CivilDate(year: 2027, month: 1, day: 6), from: "Province", to: "Community health centres", category: .frontlineServices,
                  amount: Quantity(180_000), currency: "CAD", source: "Estimates 2027"),
        MoneyFlow(date: CivilDate(year: 2027, month: 1, day: 7), from: "City", to: "Sick-pay top-up", category: .workerSupport,
                  amount: Quantity(45_000), currency: "CAD", source: "Council minutes, item 12"),
    ]

    /// Site data as `publish` builds it: the engine up to `now`, and four weeks ahead for the calendar.
    static func data(campaign c: Campaign = campaign(), entries: [LedgerEntry], responses: [Response] = [],
                     now: String = "2027-01-20T12:00") -> SiteData {
        var numbered = entries.sorted { $0.at < $1.at }
        for i in numbered.indices { numbered[i].seq = Int64(i + 1) }
        return try! SiteData.assemble(campaign: c, entries: numbered, indicators: [], responses: responses, moneyFlows: flows,
                                      ledgerCount: Int64(numbered.count), headHash: String(repeating: "ab", count: 32),
                                      now: t(now), weeksAhead: 4)
    }

    /// A month of entries across three areas and two metrics, with one answered deadline.
    static func standard() -> SiteData {
        let entries = Self.entries(25, from: "2027-01-04T09:00") + Self.entries(12, from: "2027-01-11T09:00", kind: "childcare_hours")
            + Self.entries(9, from: "2027-01-18T09:00")
        return data(entries: entries, responses: [Response(at: t("2027-01-06T10:00"), deadline: 1, text: "We will review it", win: .partial)])
    }
}
