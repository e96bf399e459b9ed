import XCTest
import CrescendoCore
@testable import CrescendoDSL

/// The values a valid campaign loads into: what the engine will run.
final class CampaignLoaderTests: XCTestCase {
    private func load(_ name: String) throws -> Campaign {
        let result = CampaignLoader().load(Paths.fixture(name))
        XCTAssertEqual(result.diagnostics, [])
        return try XCTUnwrap(result.campaign)
    }

    func testSpecExampleHeaderAndDeclarations() throws {
        let c = try load("spec-example.good.yaml")
        XCTAssertEqual(c.id, "paid-sick-leave")
        XCTAssertEqual(c.title, "Paid sick leave now")
        XCTAssertEqual(c.zone.identifier, "America/Toronto")
        XCTAssertEqual(c.start.iso8601, "2027-01-04T05:00:00Z")
        XCTAssertEqual(c.end?.iso8601, "2028-01-01T04:59:59Z", "a date end is the last second of that local day")
        XCTAssertEqual(c.metrics.map(\.id), ["masks", "childcare_hours", "calls_diverted"])
        XCTAssertEqual(c.demand("paid-sick-leave")?.funding, "Corporate relief fund, budget line 4.2")
        XCTAssertEqual(c.window("budget-2027"), Window(id: "budget-2027", kind: "budget",
                                                       from: CivilDate(year: 2027, month: 3, day: 20), to: CivilDate(year: 2027, month: 4, day: 10)))
        XCTAssertEqual(c.ladder("main")?.pick, .shuffle(seed: 2027))
        XCTAssertEqual(c.ladder("main")?.tactics.map(\.id), ["call-in", "public-audit", "sick-out"])
        XCTAssertEqual(c.pacing.cooldown, .days(7))
        XCTAssertEqual(c.pacing.limitCount, 2)
        XCTAssertEqual(c.pacing.limitPer, .days(30))
        XCTAssertEqual(c.pacing.whenBlocked, .defer)
        XCTAssertEqual(c.decompression, [ActionSpec(.ritual(kind: "gratitude", text: "Window candles for healthcare workers"), delay: .days(2))])
        XCTAssertEqual(c.privacy.minCount, 5)
        XCTAssertEqual(Set(c.templates.keys), ["story", "story.fr", "silence", "weekly"])
        XCTAssertEqual(c.channels, [Channel(id: "log", kind: .file(path: "out/actions.jsonl")),
                                    Channel(id: "organizers", kind: .webhook(url: "http://127.0.0.1:8099/hook")),
                                    Channel(id: "phone-tree", kind: .command(argv: ["./scripts/phone-tree.sh"]))])
    }

    func testSpecExampleRules() throws {
        let c = try load("spec-example.good.yaml")
        XCTAssertEqual(c.rules.map(\.id), ["briefing-every-20", "escalate-every-1000", "weekly-masks", "infection-surge",
                                           "budget-prep", "silence-is-data", "third-silence", "weekly-ledger"])
        let triggers = c.rules.map(\.trigger)
        XCTAssertEqual(triggers[0], .every(n: 20, of: .entries, filter: EntryFilter(), per: nil))
        XCTAssertEqual(triggers[2], .threshold(Threshold(measure: .sum(metric: "masks", over: .days(7)), comparison: .above(5000))))
        XCTAssertEqual(triggers[3], .threshold(Threshold(measure: .indicator("infection_rate"), comparison: .above(8), hold: .hours(48))))
        XCTAssertEqual(triggers[4], .window(id: "budget-2027", edge: .open, offset: .days(-7)))
        XCTAssertEqual(triggers[5], .deadline(.missed, demand: nil))
        XCTAssertEqual(triggers[6], .every(n: 3, of: .silences, filter: EntryFilter(), per: nil))
        XCTAssertEqual(triggers[7], .schedule(.weekly(on: 1, at: LocalTime(hour: 9, minute: 0))))
        XCTAssertEqual(c.rules[3].conditions, [.inWindow("spring-session")])
        XCTAssertEqual(c.rules[0].actions, [ActionSpec(.briefing(demand: "paid-sick-leave", deadline: .days(14), to: nil))])
        XCTAssertEqual(c.rules[1].actions, [ActionSpec(.escalate(ladder: "main"))])
        XCTAssertEqual(c.rules[6].actions, [ActionSpec(.escalate(ladder: nil))])
        XCTAssertEqual(c.rules[6].then, [ActionSpec(.ritual(kind: "assembly", text: "Online assembly to celebrate small wins"), delay: .days(1))])
        XCTAssertNil(c.rules[1].then)
        XCTAssertTrue(c.rules.allSatisfy { $0.enabled && $0.onMissed == .fireOnce && $0.source == Paths.fixture("spec-example.good.yaml") })
    }

    func testLibraryRulesFollowTheFileOwnInIncludeOrder() throws {
        let c = try load("include/campaign.good.yaml")
        XCTAssertEqual(c.rules.map(\.id), ["briefing-every-20", "celebrate", "silence-is-data", "third-silence"])
        XCTAssertEqual(c.rules.map { ($0.source as NSString).lastPathComponent },
                       ["campaign.good.yaml", "rituals.lib.yaml", "silence.lib.yaml", "silence.lib.yaml"])
        XCTAssertEqual(c.rules[1].trigger, .win(.any, demand: "psl"))
        XCTAssertEqual(c.templates["win-card"], "{{target}} moved on {{demand}}")
    }

    func testBundledExamplesCheckClean() {
        let root = Paths.repository
        let files = ["campaigns/paid-sick-leave.yaml", "campaigns/ppe-and-staffing.yaml", "campaigns/paid-sick-leave.test.yaml",
                     "rules/decompression.yaml", "rules/silence.yaml"]
        for file in files {
            XCTAssertEqual(CampaignLoader().check(root.appendingPathComponent(file).path), [], file)
        }
    }
}
